package com.towerco.ingest.domain;

import static com.towerco.ingest.DeviceMessages.bytes;
import static com.towerco.ingest.DeviceMessages.message;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.RejectReason;
import com.towerco.events.payload.site.SiteAlarm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EdgeContractTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private final EdgeContract contract = new EdgeContract(new EventCodec(4_096),
      Set.of("S1", "S2")::contains, "towerco", Duration.ofMinutes(5),
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aLeanTelemetryMessageBecomesAFullEnvelopeWithTheGatewaysMetadata() {
    Outcome outcome = contract.check(mqtt("S1", "site.telemetry",
        bytes(message(NOW.minusSeconds(10), aReading().build()))));

    assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
    var event = ((Outcome.Accepted) outcome).event();
    assertThat(event.eventType()).isEqualTo("site.telemetry");
    assertThat(event.version()).isEqualTo("1.0");
    assertThat(event.tenantId()).isEqualTo("towerco");
    assertThat(event.siteId()).isEqualTo("S1");
    assertThat(event.timestamp()).isEqualTo(NOW.minusSeconds(10));
    assertThat(event.payload()).isEqualTo(aReading().build());
    assertThat(event.metadata()).containsEntry("source_protocol", "mqtt")
        .containsEntry("gateway_id", "gw-test");
  }

  @Test
  void theSameBytesGetTheSameEventIdAndADeviceIdIsKept() {
    byte[] raw = bytes(message(NOW, aReading().build()));
    String first = accepted(contract.check(mqtt("S1", "site.telemetry", raw))).eventId();
    String again = accepted(contract.check(mqtt("S1", "site.telemetry", raw))).eventId();
    String other = accepted(contract.check(mqtt("S1", "site.telemetry",
        bytes(message(NOW.minusSeconds(1), aReading().build()))))).eventId();
    ObjectNode withId = message(NOW, aReading().build()).put("event_id", "rtu-42-000017");

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(accepted(contract.check(mqtt("S1", "site.telemetry", bytes(withId))))
        .eventId()).isEqualTo("rtu-42-000017");
  }

  @Test
  void anUnknownSiteIsHeldOnlyWhenTheOperatorSaysSoAndOnlyIfEverythingElseIsRight()
      throws Exception {
    byte[] good = bytes(message(NOW, aReading().build()));
    assertThat(rejected(mqtt("S9", "site.telemetry", good)).held()).isNull();
    EdgeContract holding = new EdgeContract(new EventCodec(4_096), Set.of("S1")::contains,
        "towerco", Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC), true);

    Outcome.Rejected held = (Outcome.Rejected) holding.check(mqtt("S9", "site.telemetry", good));
    assertThat(held.reason()).isEqualTo(RejectReason.UNKNOWN_SITE);
    Envelope envelope = new EventCodec(4_096).decode(held.held());
    assertThat(envelope.siteId()).isEqualTo("S9");
    // a redelivered message is held under the same event id: released twice, counted once
    assertThat(new EventCodec(4_096).decode(((Outcome.Rejected) holding.check(
        mqtt("S9", "site.telemetry", good))).held()).eventId()).isEqualTo(envelope.eventId());
    Outcome.Rejected future = (Outcome.Rejected) holding.check(mqtt("S9", "site.telemetry",
        bytes(message(NOW.plus(Duration.ofHours(1)), aReading().build()))));
    assertThat(future.reason()).isEqualTo(RejectReason.FUTURE_TIMESTAMP);
    assertThat(future.held()).isNull();
  }

  @Test
  void eachKindOfBadInputIsRejectedWithItsReason() {
    byte[] good = bytes(message(NOW, aReading().build()));
    assertThat(rejected(mqtt("S9", "site.telemetry", good)).reason())
        .isEqualTo(RejectReason.UNKNOWN_SITE);
    assertThat(rejected(mqtt("S1", "site.telemetry", "{not json".getBytes(
        StandardCharsets.UTF_8))).reason()).isEqualTo(RejectReason.MALFORMED_JSON);
    assertThat(rejected(mqtt("S1", "site.telemetry", new byte[5_000])).reason())
        .isEqualTo(RejectReason.OVERSIZED);
    assertThat(rejected(mqtt("S1", "site.registered", good)).reason())
        .isEqualTo(RejectReason.UNKNOWN_EVENT_TYPE);
    assertThat(rejected(mqtt("S1", "site.alarm", good)).reason())
        .as("a telemetry payload on the alarm topic").isIn(RejectReason.SCHEMA_VIOLATION,
            RejectReason.MISSING_FIELD);
    ObjectNode noBattery = message(NOW, aReading().build());
    ((ObjectNode) noBattery.get("payload")).remove("battery");
    Outcome.Rejected missing = rejected(mqtt("S1", "site.telemetry", bytes(noBattery)));
    assertThat(missing.reason()).isEqualTo(RejectReason.MISSING_FIELD);
    assertThat(missing.detail()).contains("battery");
    ObjectNode noTime = message(NOW, aReading().build());
    noTime.remove("timestamp");
    assertThat(rejected(mqtt("S1", "site.telemetry", bytes(noTime))))
        .isEqualTo(new Outcome.Rejected(RejectReason.MISSING_FIELD, "missing timestamp", "S1"));
    ObjectNode extra = message(NOW, aReading().build()).put("colour", "red");
    assertThat(rejected(mqtt("S1", "site.telemetry", bytes(extra))).detail())
        .contains("colour");
    ObjectNode otherSite = message(NOW, aReading().build()).put("site_id", "S2");
    assertThat(rejected(mqtt("S1", "site.telemetry", bytes(otherSite))).reason())
        .isEqualTo(RejectReason.SCHEMA_VIOLATION);
  }

  @Test
  void anEventStampedBeyondTheSkewIsRefusedAndOneWithinItTaken() {
    Outcome.Rejected future = rejected(mqtt("S1", "site.telemetry",
        bytes(message(NOW.plus(Duration.ofDays(1)), aReading().build()))));
    assertThat(future.reason()).isEqualTo(RejectReason.FUTURE_TIMESTAMP);
    assertThat(future.detail()).contains("2026-12-02T12:00:00Z").contains("PT5M");
    assertThat(contract.check(mqtt("S1", "site.telemetry",
        bytes(message(NOW.plus(Duration.ofMinutes(4)), aReading().build())))))
        .isInstanceOf(Outcome.Accepted.class);
  }

  @Test
  void anHttpItemNamesItsSiteAndTypeInTheBody() {
    ObjectNode item = message(NOW, alarm()).put("site_id", "S2").put("type", "site.alarm");
    Arrival http = new Arrival(Protocol.HTTP, "gw-test", "http:gw-test", null, null,
        bytes(item));
    var event = accepted(contract.check(http));
    assertThat(event.siteId()).isEqualTo("S2");
    assertThat(event.payload()).isEqualTo(alarm());
    assertThat(event.metadata()).containsEntry("source_protocol", "http");
    ObjectNode noSite = message(NOW, alarm()).put("type", "site.alarm");
    assertThat(contract.check(new Arrival(Protocol.HTTP, "gw-test", "http:gw-test", null, null,
        bytes(noSite)))).isEqualTo(new Outcome.Rejected(RejectReason.MISSING_FIELD,
            "missing site_id", null));
  }

  static SiteAlarm alarm() {
    return new SiteAlarm("A-1", SiteAlarm.AlarmState.RAISED,
        SiteAlarm.PerceivedSeverity.CRITICAL, SiteAlarm.X733EventType.EQUIPMENT,
        SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE, "Mains failure", "mains/1", null,
        null);
  }

  private static Arrival mqtt(String site, String type, byte[] raw) {
    return new Arrival(Protocol.MQTT, "gw-test", "towerco/sites/" + site, site, type, raw);
  }

  private Outcome.Rejected rejected(Arrival arrival) {
    Outcome outcome = contract.check(arrival);
    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    return (Outcome.Rejected) outcome;
  }

  private static com.towerco.events.Envelope accepted(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
    return ((Outcome.Accepted) outcome).event();
  }

}
