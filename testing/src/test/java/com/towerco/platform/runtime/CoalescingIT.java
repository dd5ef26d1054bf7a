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
    start(context, "coalescing", topic, "COA1-B", handled);

    await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains(c1));
    assertThat(handled).containsExactly(b1, a3, aWithoutHeaders, c1);
    try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
      // this service's dead letters only: the other test's service dead-letters its own
      var dead = dlq.readUntil(r -> r.stream().anyMatch(this::mine), Duration.ofSeconds(30))
          .stream().filter(this::mine).toList();
      assertThat(dead).hasSize(1);
      assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON))
          .isEqualTo("MALFORMED_JSON");
    }
    ServiceMetricsView metrics = new ServiceMetricsView(context, "coalescing");
    await().atMost(Duration.ofSeconds(10)).until(() -> metrics.in() == 6);
    assertThat(metrics.deadLettered()).isEqualTo(1);
  }

  @Test
  void aBadLatestRecordLeavesItsKeysOthersInTheirPlaces() throws Exception {
    ServiceContext context = kafka.context();
    // A site group topic of its own, apart from the other test's (whose bad record it would
    // otherwise also dead-letter).
    String site = java.util.stream.IntStream.range(2, 100).mapToObj(k -> "COA" + k)
        .filter(k -> !TopicFamily.SITE_EVENTS.topic(k).equals(TopicFamily.SITE_EVENTS.topic("COA1")))
        .findFirst().orElseThrow();
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, site);
    Instant t = Instant.parse("2026-12-06T10:00:00Z");
    Envelope b12 = connectivity("COA2-B", t.plusSeconds(12));
    Envelope x11 = connectivity("COA2-X", t.plusSeconds(11));
    Envelope bBad18 = connectivity("COA2-B", t.plusSeconds(18));
    EventCodec codec = new EventCodec();
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("coalescing-2")) {
      for (Envelope e : List.of(b12, x11)) {
        producer.send(new ProducerRecord<>(topic, null, site, codec.encode(e),
            EventHeaders.of(e)));
      }
      producer.send(new ProducerRecord<>(topic, null, site, NOT_JSON, EventHeaders.of(bBad18)));
      producer.flush();
    }

    // One by one the handler would see B@12 then X@11; so must it when B's latest is bad.
    List<Envelope> handled = new CopyOnWriteArrayList<>();
    start(context, "coalescing-2", topic, "COA2-X", handled);

    ServiceMetricsView metrics = new ServiceMetricsView(context, "coalescing-2");
    await().atMost(Duration.ofSeconds(30)).until(() -> metrics.deadLettered() >= 1
        && handled.size() >= 2);
    assertThat(handled).containsExactly(b12, x11);
    assertThat(metrics.deadLettered()).isEqualTo(1);
  }

  /**
   * Starts a coalescing service named {@code name} on {@code topic} that keys every record by
   * its site but {@code keylessSite}'s, collecting what it handles in {@code handled}.
   */
  private static void start(ServiceContext context, String name, String topic,
      String keylessSite, List<Envelope> handled) {
    kafka.closeAfterAll(new ConsumerService(context, name, name + "-group",
        Pattern.compile(Pattern.quote(topic)), () -> new EventHandler() {
          @Override
          public boolean coalesces() {
            return true;
          }

          @Override
          public Object coalesceKey(EventHeaders.Attributes routing) {
            return routing.siteId().equals(keylessSite) ? null : routing.siteId();
          }

          @Override
          public void handle(Envelope event, SourceRecord source) {
            handled.add(event);
          }
        }, 1, Duration.ofMillis(200))).start();
  }

  private boolean mine(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record) {
    return "coalescing".equals(DeadLetters.header(record.headers(), DeadLetters.SERVICE));
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
