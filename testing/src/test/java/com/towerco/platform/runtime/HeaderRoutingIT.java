package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteAlarm;
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
 * The consumer runtime routes on the routing headers (ADR-018): types a service does not handle
 * are skipped undecoded, a service can handle a record from its headers alone, records without
 * headers are decoded as before, and an envelope its headers misdescribe is dead-lettered.
 */
class HeaderRoutingIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final byte[] NOT_JSON = "{not json".getBytes(StandardCharsets.UTF_8);

  @Test
  void routesOnHeadersDecodesOnlyWhatItMustAndRefusesMisdescribedEnvelopes() throws Exception {
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, "HDR1");
    List<String> fromHeaders = new CopyOnWriteArrayList<>();
    List<Envelope> decoded = new CopyOnWriteArrayList<>();
    ConsumerService service = kafka.closeAfterAll(new ConsumerService(context, "routing",
        "routing-group", TopicFamily.SITE_EVENTS.pattern(), () -> new EventHandler() {
          @Override
          public boolean handles(String eventType) {
            return !eventType.equals("site.alarm");
          }

          @Override
          public boolean handleUndecoded(EventHeaders.Attributes routing, SourceRecord source) {
            if (routing.siteId().equals("HDR1-UNDECODED")) {
              fromHeaders.add(routing.id());
              return true;
            }
            return false;
          }

          @Override
          public void handle(Envelope event, SourceRecord source) {
            decoded.add(event);
          }
        }, 1, Duration.ofMillis(200)));
    service.start();

    EventCodec codec = new EventCodec();
    Envelope alarm = Envelope.of(EventIds.random(), "towerco", "HDR1", Instant.now(),
        new SiteAlarm("A1", SiteAlarm.AlarmState.RAISED, SiteAlarm.PerceivedSeverity.MAJOR,
            SiteAlarm.X733EventType.EQUIPMENT, SiteAlarm.ProbableCause.LOW_FUEL, "t", "m",
            null, null), Map.of());
    Envelope undecoded = connectivity("HDR1-UNDECODED", "towerco");
    Envelope withHeaders = connectivity("HDR1", "towerco");
    Envelope withoutHeaders = connectivity("HDR1", "towerco");
    Envelope otherTenant = connectivity("HDR1", "tenant-b");
    Envelope last = connectivity("HDR1", "towerco");
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("routing-test")) {
      // Values that would be dead-lettered if decoded: skipped, or handled from headers alone.
      producer.send(new ProducerRecord<>(topic, null, "HDR1", NOT_JSON,
          EventHeaders.of(alarm)));
      producer.send(new ProducerRecord<>(topic, null, "HDR1", NOT_JSON,
          EventHeaders.of(undecoded)));
      producer.send(new ProducerRecord<>(topic, null, "HDR1", codec.encode(withHeaders),
          EventHeaders.of(withHeaders)));
      producer.send(new ProducerRecord<>(topic, "HDR1", codec.encode(withoutHeaders)));
      // Headers saying tenant "towerco" on another tenant's envelope.
      producer.send(new ProducerRecord<>(topic, null, "HDR1", codec.encode(otherTenant),
          EventHeaders.of(new EventHeaders.Attributes(otherTenant.eventId(),
              otherTenant.eventType(), otherTenant.version(), "towerco",
              otherTenant.siteId(), otherTenant.timestamp()))));
      producer.send(new ProducerRecord<>(topic, null, "HDR1", codec.encode(last),
          EventHeaders.of(last)));
      producer.flush();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> decoded.contains(last));
    assertThat(decoded).containsExactly(withHeaders, withoutHeaders, last);
    assertThat(fromHeaders).containsExactly(undecoded.eventId());
    try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
      var dead = dlq.readUntil(r -> !r.isEmpty(), Duration.ofSeconds(30));
      assertThat(dead).hasSize(1);
      assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON))
          .isEqualTo("SCHEMA_VIOLATION");
      assertThat(DeadLetters.header(dead.get(0).headers(), DeadLetters.DETAIL))
          .contains("disagree");
    }
    assertThat(context.metrics().forService("routing").totalDeadLettered()).isEqualTo(1);
  }

  private static Envelope connectivity(String site, String tenant) {
    return Envelope.of(EventIds.random(), tenant, site, Instant.now(), new SiteConnectivity(
        SiteConnectivity.ConnectivityState.REACHABLE, null, null), Map.of());
  }
}
