package com.towerco.notification.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.notification.domain.NotifierInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputDecodingTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private final EventCodec codec = new EventCodec();
  private final InputDecoding decoding = new InputDecoding(codec);
  private final String mtnAlerts = TopicFamily.ALERT_NOTIFICATIONS.topic("mtn");

  @Test
  void anAlertBecomesInputOfItsTenantAtItsEventTime() {
    var decoded = decoding.decode(mtnAlerts, codec.encode(event("mtn", alert())));
    assertThat(decoded).isInstanceOfSatisfying(InputDecoding.Accepted.class, a -> {
      assertThat(a.tenant()).isEqualTo("mtn");
      assertThat(a.eventTimeMillis()).isEqualTo(T0.toEpochMilli());
      assertThat(a.input()).isInstanceOf(NotifierInput.AlertFired.class);
    });
  }

  @Test
  void aMalformedRecordIsRejectedWithItsReason() {
    assertThat(decoding.decode(mtnAlerts, "{\"event_id\":".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new InputDecoding.Rejected(RejectReason.MALFORMED_JSON,
            ((InputDecoding.Rejected) decoding.decode(mtnAlerts,
                "{\"event_id\":".getBytes(StandardCharsets.UTF_8))).detail()));
  }

  @Test
  void anEventOnAnotherTenantsTopicIsRejected() {
    var decoded = decoding.decode(mtnAlerts, codec.encode(event("vodacom", alert())));
    assertThat(decoded).isInstanceOfSatisfying(InputDecoding.Rejected.class, r ->
        assertThat(r.reason()).isEqualTo(RejectReason.SCHEMA_VIOLATION));
  }

  @Test
  void anAcknowledgementIsReadByItsTypeNameEvenIfTheCatalogueLacksIt() {
    String ack = """
        {"event_id":"e-ack","event_type":"incident.acknowledged","tenant_id":"mtn",
         "site_id":"","timestamp":"2026-11-27T10:05:00Z","version":"1.0",
         "payload":{"incident_id":"inc-1","acknowledged_by":"jane"},"metadata":{}}""";
    var decoded = decoding.decode(TopicFamily.INCIDENT_LIFECYCLE.topic("mtn"),
        ack.getBytes(StandardCharsets.UTF_8));
    assertThat(decoded).isInstanceOfSatisfying(InputDecoding.Accepted.class, a ->
        assertThat(a.input()).isEqualTo(new NotifierInput.IncidentStopped("mtn", "e-ack",
            "inc-1", "acknowledged")));
    assertThat(decoding.decode(TopicFamily.INCIDENT_LIFECYCLE.topic("other"),
        ack.getBytes(StandardCharsets.UTF_8))).isInstanceOf(InputDecoding.Rejected.class);
  }

  @Test
  void eventsTheNotifierDoesNotNeedAreSkipped() {
    var attached = event("mtn", new IncidentAlertAttached("inc-1", "al-2", "S2", T0, null));
    assertThat(decoding.decode(TopicFamily.INCIDENT_LIFECYCLE.topic("mtn"),
        codec.encode(attached))).isInstanceOf(InputDecoding.Skipped.class);
  }

  private static AlertFiring alert() {
    return new AlertFiring("al-1", "fp-1", "site-unreachable", AlertSeverity.MAJOR, "down",
        "S1", "north", "H1", List.of("mtn"), Map.of(), T0, List.of());
  }

  private static Envelope event(String tenant, com.towerco.events.payload.Payload payload) {
    return Envelope.of(EventIds.random(), tenant, "", T0, payload, Map.of());
  }
}
