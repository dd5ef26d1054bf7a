package com.towerco.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.Rfc3339;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.notification.NotificationAttempted;
import com.towerco.events.payload.notification.RoutingChanged;
import com.towerco.events.payload.notification.SilenceCreated;
import com.towerco.notification.config.NotificationConfig;
import com.towerco.notification.config.NotificationJson;
import com.towerco.notification.domain.DeliveryRequest;
import com.towerco.notification.domain.NotifierInput;
import com.towerco.notification.domain.Receiver;
import com.towerco.notification.domain.TenantRouting;
import com.towerco.notification.settings.SettingsRecords;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.JsonSerde;
import com.towerco.platform.runtime.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final String ROUTING = """
      {"receivers":[{"name":"hook","type":"webhook","url":"http://mtn.example/hook"}],
       "routes":[{"name":"all","receivers":["hook"],"group_by":["hub"],"group_wait":"30s"}],
       "escalations":[{"name":"crit","matchers":["severity=critical"],
         "levels":[{"after":"0s","receivers":["hook"]},{"after":"10m","receivers":["hook"]}]}]}
      """;

  private final EventCodec codec = new EventCodec();
  private final JsonSerde<DeliveryRequest> requests = NotificationJson.serde(DeliveryRequest.class);
  private final JsonSerde<NotifierInput> inputs = NotificationJson.serde(NotifierInput.class);
  private TopologyTestDriver driver;
  private TestOutputTopic<String, byte[]> requestTopic;

  @BeforeEach
  void start() {
    var deps = new NotificationTopology.Dependencies(codec, TopicNames.plain(),
        new NotificationConfig(null, null, Map.of("mtn", NotificationConfig.parseRouting(ROUTING))),
        new PlatformMetrics().forService("notification"));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "notification-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(NotificationTopology.build(deps), props);
    requestTopic = driver.createOutputTopic(NotificationTopics.REQUESTS, new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void groupsAlertsOfOneHubIntoOneRequestWhenTheTicksReachGroupWait() {
    for (int i = 1; i <= 10; i++) {
      pipe(TopicFamily.ALERT_NOTIFICATIONS, "mtn", T0, alert("S" + i, "H1"));
    }
    tick(T0.plusSeconds(29));
    assertThat(requestTopic.isEmpty()).isTrue();
    tick(T0.plusSeconds(30));
    List<DeliveryRequest> sent = readRequests();
    assertThat(sent).singleElement().satisfies(r -> {
      assertThat(r.notification().alerts()).hasSize(10);
      assertThat(r.receiver().name()).isEqualTo("hook");
      assertThat(r.tenant()).isEqualTo("mtn");
    });
  }

  @Test
  void aFailedOutcomeIsRetriedWhenItsBackoffHasPassed() {
    pipe(TopicFamily.ALERT_NOTIFICATIONS, "mtn", T0, alert("S1", "H1"));
    tick(T0.plusSeconds(30));
    DeliveryRequest first = readRequests().get(0);
    Instant failedAt = T0.plusSeconds(31);
    pipe(TopicFamily.NOTIFICATION_DELIVERIES, "mtn", failedAt, new NotificationAttempted(
        first.notification().notificationId(), first.idempotencyKey(), "e-1", "hook", "webhook",
        1, NotificationAttempted.Outcome.FAILED, 503, "HTTP 503", failedAt));
    tick(failedAt.plusSeconds(1));
    assertThat(requestTopic.isEmpty()).as("still backing off").isTrue();
    tick(failedAt.plusSeconds(3));
    assertThat(readRequests()).singleElement().satisfies(r -> {
      assertThat(r.attempt()).isEqualTo(2);
      assertThat(r.idempotencyKey()).isEqualTo(first.idempotencyKey());
    });
  }

  @Test
  void routingChangedThroughTheSettingsTopicAppliesToTheNextAlert() {
    TenantRouting mail = new TenantRouting(List.of(Receiver.email("mail", "noc@mtn.example")),
        List.of(com.towerco.notification.domain.Route.of("mail", List.of(), List.of("mail"))),
        List.of());
    settings(SettingsRecords.routingKey("mtn"), "mtn",
        new RoutingChanged(NotificationConfig.toJson(mail), "noc", T0));
    pipe(TopicFamily.ALERT_NOTIFICATIONS, "mtn", T0, alert("S1", "H1"));
    tick(T0.plusSeconds(30));
    assertThat(readRequests()).singleElement()
        .satisfies(r -> assertThat(r.receiver().name()).isEqualTo("mail"));
  }

  @Test
  void aSilenceOnTheSettingsTopicSuppressesAndRecordsIt() {
    settings(SettingsRecords.silenceKey("mtn", "sil-1"), "mtn", new SilenceCreated("sil-1",
        List.of("site=S1"), T0.minusSeconds(60), T0.plusSeconds(3600), "noc", "field visit"));
    pipe(TopicFamily.ALERT_NOTIFICATIONS, "mtn", T0, alert("S1", "H1"));
    tick(T0.plusSeconds(30));
    assertThat(requestTopic.isEmpty()).isTrue();
    List<Envelope> events = deliveries("mtn");
    assertThat(events).extracting(Envelope::eventType)
        .containsExactly("notification.suppressed");
  }

  @Test
  void escalationStopsOnAnAcknowledgementReadByItsTypeName() {
    pipe(TopicFamily.INCIDENT_LIFECYCLE, "mtn", T0, new IncidentOpened("inc-1", "Hub down",
        AlertSeverity.CRITICAL, new IncidentOpened.RootCause("H1", "hub", "hub lost", 0.9),
        List.of("al-1"), List.of("H1"), List.of("mtn"), T0));
    assertThat(readRequests()).hasSize(1);
    String ack = """
        {"event_id":"%s","event_type":"incident.acknowledged","tenant_id":"mtn","site_id":"",
         "timestamp":"%s","version":"1.0","payload":{"incident_id":"inc-1",
         "acknowledged_by":"jane","acknowledged_at":"%s"},"metadata":{}}
        """.formatted(EventIds.random(), Rfc3339.format(T0.plusSeconds(60)),
        Rfc3339.format(T0.plusSeconds(60)));
    var decoded = (com.towerco.notification.intake.InputDecoding.Accepted)
        new com.towerco.notification.intake.InputDecoding(codec).decode(
            TopicFamily.INCIDENT_LIFECYCLE.topic("mtn"), ack.getBytes(StandardCharsets.UTF_8));
    inbox("mtn", decoded.input(), T0.plusSeconds(60));
    tick(T0.plusSeconds(700));
    assertThat(requestTopic.isEmpty()).as("no level 2 after the acknowledgement").isTrue();
    assertThat(deliveries("mtn")).extracting(Envelope::eventType)
        .containsExactly("notification.escalated");
  }

  @Test
  void aProbeRecordInTheInboxIsSkipped() {
    input(NotificationTopics.INBOX).pipeInput("__probe__", new byte[0], T0);
    tick(T0.plusSeconds(1));
    assertThat(requestTopic.isEmpty()).isTrue();
  }

  private AlertFiring alert(String site, String hub) {
    return new AlertFiring("al-" + site, "site-unreachable|" + site, "site-unreachable",
        AlertSeverity.MAJOR, "Site unreachable at " + site, site, "north", hub, List.of("mtn"),
        Map.of(), T0, List.of());
  }

  /** The intake's hand-over of an event to the inbox (see InputDecodingTest for the rest). */
  private void pipe(TopicFamily family, String tenant, Instant at, Payload payload) {
    Envelope event = Envelope.of(EventIds.random(), tenant, "", at, payload, Map.of());
    var decoded = (com.towerco.notification.intake.InputDecoding.Accepted)
        new com.towerco.notification.intake.InputDecoding(codec).decode(family.topic(tenant),
            codec.encode(event));
    inbox(tenant, decoded.input(), at);
  }

  private void inbox(String tenant, NotifierInput input, Instant at) {
    input(NotificationTopics.INBOX).pipeInput(tenant, inputs.encode(input), at);
  }

  private void settings(String key, String tenant, Payload payload) {
    Envelope event = Envelope.of(EventIds.random(), tenant, "", T0, payload, Map.of());
    input(TopicFamily.NOTIFICATION_SETTINGS.topic()).pipeInput(key, codec.encode(event), T0);
  }

  private void tick(Instant at) {
    inbox(Ticker.TICK_KEY, new NotifierInput.Tick(at), at);
  }

  private TestInputTopic<String, byte[]> input(String topic) {
    return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
  }

  private List<DeliveryRequest> readRequests() {
    return requestTopic.readValuesToList().stream().map(requests::decode).toList();
  }

  private List<Envelope> deliveries(String tenant) {
    return driver.createOutputTopic(TopicFamily.NOTIFICATION_DELIVERIES.topic(tenant),
        new StringDeserializer(), new ByteArrayDeserializer()).readValuesToList().stream()
        .map(bytes -> {
          try {
            return codec.decode(bytes);
          } catch (com.towerco.events.InvalidEventException e) {
            throw new AssertionError(e);
          }
        }).toList();
  }
}
