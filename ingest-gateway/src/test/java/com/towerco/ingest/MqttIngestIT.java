package com.towerco.ingest;

import static com.towerco.ingest.DeviceMessages.bytes;
import static com.towerco.ingest.DeviceMessages.message;
import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.ingest.kafka.SiteEventWriter;
import com.towerco.ingest.mqtt.MqttTopicLayout;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sites publishing to the real Mosquitto on 127.0.0.1:1883 (under a topic root of this run's
 * own), through the gateway, into a real Kafka broker.
 */
class MqttIngestIT {
  private static final String MOSQUITTO = "tcp://127.0.0.1:1883";

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final MqttTopicLayout layout = new MqttTopicLayout("it-" + run + "/sites");
  private final String siteA = "MA-" + run;
  private final String siteB = "MB-" + run;
  private ServiceContext context;
  private MqttClient site;

  @BeforeEach
  void registerTwoSitesAndConnectASite() throws MqttException {
    context = kafka.context();
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register(siteA, aSite().withTenant("altel").build(), Instant.now());
      feeder.register(siteB, aSite().withTenant("altel").build(), Instant.now());
      feeder.flush();
    }
    site = new MqttClient(MOSQUITTO, "it-site-" + run, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(1_000);
    site.connect(options);
  }

  @AfterEach
  void disconnect() throws MqttException {
    site.disconnect();
    site.close();
  }

  @Test
  void whatSitesPublishReachesTheirTopicsAndEveryBadMessageTheDeadLettersWithItsReason()
      throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (IngestGatewayService gateway = gateway("gw-one")) {
      gateway.start();
      for (int s = 0; s < 3; s++) {
        publish(layout.topic(siteA, "site.telemetry"),
            bytes(message(now.minusSeconds(30 - s), aReading().build())));
      }
      publish(layout.topic(siteB, "site.alarm"),
          bytes(message(now, com.towerco.ingest.domain.EdgeContractTestAlarms.mainsFailure())));
      publish(layout.topic(siteA, "site.telemetry"), "{\"timestamp\": ".getBytes(
          StandardCharsets.UTF_8));
      publish(layout.topic("NOPE-" + run, "site.telemetry"),
          bytes(message(now, aReading().build())));
      publish(layout.topic(siteA, "site.telemetry"),
          bytes(message(now.plus(Duration.ofDays(1)), aReading().build())));
      byte[] huge = new byte[70_000];
      Arrays.fill(huge, (byte) ' ');
      huge[0] = '{';
      huge[huge.length - 1] = '}';
      publish(layout.topic(siteA, "site.telemetry"), huge);

      try (TopicReader events = TopicReader.sites(kafka.bootstrapServers(), siteA, siteB);
           TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
               Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
        events.readUntil(r -> r.size() >= 4, Duration.ofSeconds(30));
        List<ConsumerRecord<String, byte[]>> dead = dlq.readUntil(r -> ours(r).size() >= 4,
            Duration.ofSeconds(30));

        // at least once: a redelivered message may be written twice, always with the same id,
        // and consumers count it once; what must hold is one event per message sent
        List<Envelope> arrived = List.copyOf(events.events().stream().collect(
            Collectors.toMap(Envelope::eventId, e -> e, (a, b) -> a,
                java.util.LinkedHashMap::new)).values());
        assertThat(arrived).hasSize(4);
        assertThat(arrived.stream().filter(e -> e.siteId().equals(siteA)))
            .extracting(Envelope::eventType).containsExactly("site.telemetry",
                "site.telemetry", "site.telemetry");
        assertThat(arrived).allSatisfy(e -> assertThat(e.metadata())
            .containsEntry("source_protocol", "mqtt").containsEntry("gateway_id", "gw-one"));
        assertThat(arrived.stream().filter(e -> e.siteId().equals(siteB)))
            .extracting(Envelope::eventType).containsExactly("site.alarm");

        Map<String, String> reasons = ours(dead).stream().collect(Collectors.toMap(
            r -> DeadLetters.header(r.headers(), DeadLetters.REASON),
            r -> DeadLetters.header(r.headers(), DeadLetters.DETAIL)));
        assertThat(reasons).containsOnlyKeys("MALFORMED_JSON", "UNKNOWN_SITE",
            "FUTURE_TIMESTAMP", "OVERSIZED");
        assertThat(reasons.get("UNKNOWN_SITE")).contains("NOPE-" + run);
        assertThat(reasons.get("OVERSIZED")).contains("70000 bytes");
        ConsumerRecord<String, byte[]> malformed = ours(dead).stream().filter(r ->
            "MALFORMED_JSON".equals(DeadLetters.header(r.headers(), DeadLetters.REASON)))
            .findFirst().orElseThrow();
        assertThat(new String(malformed.value(), StandardCharsets.UTF_8))
            .as("the raw input is kept").isEqualTo("{\"timestamp\": ");
        assertThat(DeadLetters.header(malformed.headers(), SiteEventWriter.PROTOCOL))
            .isEqualTo("mqtt");
        assertThat(DeadLetters.header(malformed.headers(), SiteEventWriter.SOURCE))
            .isEqualTo(layout.topic(siteA, "site.telemetry"));
        assertThat(DeadLetters.header(malformed.headers(), DeadLetters.TOPIC))
            .isEqualTo(TopicFamily.SITE_EVENTS.topic(siteA));
      }
    }
  }

  @Test
  void aGatewayRestartedMidStreamLosesNothingAndRedeliveriesKeepTheirEventIds()
      throws Exception {
    Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    int total = 400;
    try (TopicReader events = TopicReader.sites(kafka.bootstrapServers(), siteA)) {
      IngestGatewayService first = gateway("gw-restart");
      first.start();
      for (int i = 0; i < total / 2; i++) {
        publish(layout.topic(siteA, "site.telemetry"),
            bytes(message(start.plusSeconds(i), aReading().build())));
      }
      events.readUntil(r -> r.size() >= 20, Duration.ofSeconds(30));
      first.close(); // mid-stream: whatever it had not acknowledged stays with the broker
      for (int i = total / 2; i < total; i++) {
        publish(layout.topic(siteA, "site.telemetry"),
            bytes(message(start.plusSeconds(i), aReading().build())));
      }
      try (IngestGatewayService second = gateway("gw-restart")) {
        second.start();
        events.readUntil(r -> distinctTimestamps(events.events()) >= total,
            Duration.ofSeconds(60));
      }
      List<Envelope> arrived = events.events();
      Set<String> ids = arrived.stream().map(Envelope::eventId).collect(Collectors.toSet());
      assertThat(distinctTimestamps(arrived)).isEqualTo(total);
      assertThat(ids).as("one event id per reading, however often it was delivered")
          .hasSize(total);
    }
  }

  private static long distinctTimestamps(List<Envelope> events) {
    return new HashSet<>(events.stream().map(Envelope::timestamp).toList()).size();
  }

  private List<ConsumerRecord<String, byte[]>> ours(List<ConsumerRecord<String, byte[]>> all) {
    return all.stream().filter(r -> {
      String source = DeadLetters.header(r.headers(), SiteEventWriter.SOURCE);
      return source != null && source.startsWith(layout.root());
    }).toList();
  }

  private IngestGatewayService gateway(String id) {
    return (IngestGatewayService) new IngestGatewayServiceFactory().create(context,
        new ServiceSettings(Map.of("ingest.gateway-id", id, "ingest.mqtt-url", MOSQUITTO,
            "ingest.mqtt-topic-root", layout.root(),
            "ingest.mqtt-client-id", "it-ingest-" + run)));
  }

  private void publish(String topic, byte[] payload) throws MqttException {
    site.publish(topic, payload, 1, false);
  }
}
