package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A handler that coalesces (ADR-033) gets, of a batch's records of one key, only the one of the
 * latest event time, in its place; records of no key and records without routing headers are
 * handled one by one; every record counts as handled; and a latest record that is dead-lettered
 * does not hide the good ones of its key.
 */
class CoalescingIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final byte[] NOT_JSON = "{not json".getBytes(StandardCharsets.UTF_8);

  @Test
  void handlesOnlyTheLatestRecordOfEachKeyInABatch() throws Exception {
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, "COA1");
    Instant t = Instant.parse("2026-12-06T10:00:00Z");
    Envelope a1 = connectivity("COA1-A", t);
    Envelope b1 = connectivity("COA1-B", t);
    Envelope a3 = connectivity("COA1-A", t.plusSeconds(3));
    Envelope aWithoutHeaders = connectivity("COA1-A", t.plusSeconds(1));
    Envelope a2 = connectivity("COA1-A", t.plusSeconds(2));
    Envelope c1 = connectivity("COA1-C", t);
    Envelope cBad = connectivity("COA1-C", t.plusSeconds(5));
    EventCodec codec = new EventCodec();
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("coalescing-test")) {
      for (Envelope e : List.of(a1, b1, a3)) {
        producer.send(new ProducerRecord<>(topic, null, "COA1", codec.encode(e),
            EventHeaders.of(e)));
      }
      producer.send(new ProducerRecord<>(topic, "COA1", codec.encode(aWithoutHeaders)));
      for (Envelope e : List.of(a2, c1)) {
        producer.send(new ProducerRecord<>(topic, null, "COA1", codec.encode(e),
            EventHeaders.of(e)));
      }
      producer.send(new ProducerRecord<>(topic, null, "COA1", NOT_JSON, EventHeaders.of(cBad)));
      producer.flush();
    }

    // Started after the records are written, so its first poll returns them as one batch.
    List<Envelope> handled = new CopyOnWriteArrayList<>();
    ConsumerService service = kafka.closeAfterAll(new ConsumerService(context, "coalescing",
        "coalescing-group", TopicFamily.SITE_EVENTS.pattern(), () -> new EventHandler() {
          @Override
          public boolean coalesces() {
            return true;
          }

          @Override
          public Object coalesceKey(EventHeaders.Attributes routing) {
            return routing.siteId().equals("COA1-B") ? null : routing.siteId();
          }

          @Override
          public void handle(Envelope event, SourceRecord source) {
            handled.add(event);
          }
        }, 1, Duration.ofMillis(200)));
    service.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains(c1));
    assertThat(handled).containsExactly(b1, a3, aWithoutHeaders, c1);
    try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
      var dead = dlq.readUntil(r -> !r.isEmpty(), Duration.ofSeconds(30));
      assertThat(dead).hasSize(1);
      assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON))
          .isEqualTo("MALFORMED_JSON");
    }
    ServiceMetricsView metrics = new ServiceMetricsView(context, "coalescing");
    await().atMost(Duration.ofSeconds(10)).until(() -> metrics.in() == 6);
    assertThat(metrics.deadLettered()).isEqualTo(1);
  }

  /** The service's counters: every record but the dead-lettered one counts as handled. */
  private record ServiceMetricsView(ServiceContext context, String service) {
    long in() {
      return context.metrics().forService(service).totalIn();
    }

    long deadLettered() {
      return context.metrics().forService(service).totalDeadLettered();
    }
  }

  private static Envelope connectivity(String site, Instant at) {
    return Envelope.of(EventIds.random(), "towerco", site, at, new SiteConnectivity(
        SiteConnectivity.ConnectivityState.REACHABLE, null, null), Map.of());
  }
}
