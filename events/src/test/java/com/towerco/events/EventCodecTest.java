package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.payload.site.SiteTelemetry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {
  private final EventCodec codec = new EventCodec();
  private final EventSchemas schemas = new EventSchemas();

  static List<Samples.Sample> samples() {
    return Samples.all();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleIsValidUnderItsSchemaAndRoundTripsToTheSameJson(Samples.Sample sample)
      throws Exception {
    byte[] json = sample.event();

    assertThat(schemas.validate(json)).isEmpty();
    Envelope decoded = codec.decode(json);
    assertThat(Json.mapper().readTree(codec.encode(decoded)))
        .isEqualTo(Json.mapper().readTree(json));
    assertThat(codec.decode(codec.encode(decoded))).isEqualTo(decoded);
  }

  @Test
  void writesTheEnvelopeFieldsInTheAdrOrder() throws Exception {
    String json = new String(codec.encode(codec.decode(Samples.telemetry())),
        StandardCharsets.UTF_8);
    assertThat(json).containsSubsequence("\"event_id\"", "\"event_type\":\"site.telemetry\"",
        "\"tenant_id\"", "\"site_id\"", "\"timestamp\"", "\"version\":\"1.0\"", "\"payload\"",
        "\"metadata\"");
  }

  @Test
  void readsThePayloadEvenWhenItComesBeforeItsType() throws Exception {
    Envelope event = codec.decode(Samples.telemetry());
    String json = new String(codec.encode(event), StandardCharsets.UTF_8);
    String payload = json.substring(json.indexOf("\"payload\":"), json.indexOf(",\"metadata\""));
    String reordered = "{" + payload + "," + json.substring(1).replace("," + payload, "");

    assertThat(codec.decode(reordered.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
  }

  @Test
  void rejectsWhatIsNotJson() {
    assertRejected("{\"event_id\": ", RejectReason.MALFORMED_JSON);
    assertRejected("not json", RejectReason.MALFORMED_JSON);
    assertRejected("", RejectReason.MALFORMED_JSON);
    assertRejected("[1,2]", RejectReason.WRONG_TYPE);
  }

  @Test
  void rejectsAMissingEnvelopeField() {
    assertRejected(json().replace("\"tenant_id\":\"towerco\",", ""), RejectReason.MISSING_FIELD);
  }

  @Test
  void rejectsAWrongTypedEnvelopeField() {
    assertRejected(json().replace("\"site_id\":\"S0001\"", "\"site_id\":42"),
        RejectReason.WRONG_TYPE);
  }

  @Test
  void rejectsAnUnknownEventTypeAndAnUnknownVersion() {
    assertRejected(json().replace("site.telemetry", "site.weather"),
        RejectReason.UNKNOWN_EVENT_TYPE);
    assertRejected(json().replace("\"version\":\"1.0\"", "\"version\":\"9.0\""),
        RejectReason.UNKNOWN_VERSION);
  }

  @Test
  void rejectsAPayloadThatBreaksItsSchema() {
    assertRejected(json().replace("\"soc_pct\":98.0", "\"soc_pct\":180.0"),
        RejectReason.SCHEMA_VIOLATION);
    assertRejected(json().replace("\"state\":\"on\"", "\"state\":\"broken\""),
        RejectReason.SCHEMA_VIOLATION);
    assertRejected(json().replace("\"open\":false", "\"open\":false,\"ajar\":true"),
        RejectReason.SCHEMA_VIOLATION);
  }

  @Test
  void rejectsAPayloadFieldOfTheWrongTypeOrMissing() {
    assertRejected(json().replace("\"soc_pct\":98.0", "\"soc_pct\":\"98\""),
        RejectReason.WRONG_TYPE);
    assertRejected(json().replace("\"door\":{\"open\":false},", ""), RejectReason.MISSING_FIELD);
    assertRejected(json().replace("\"soc_pct\":98.0,", ""), RejectReason.MISSING_FIELD);
  }

  @Test
  void rejectsAnOversizedEvent() {
    EventCodec small = new EventCodec(200);
    assertThatThrownBy(() -> small.decode(json().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(InvalidEventException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.OVERSIZED));
  }

  @Test
  void decodesATelemetryPayloadIntoItsRecord() throws Exception {
    Envelope decoded = codec.decode(json().getBytes(StandardCharsets.UTF_8));
    SiteTelemetry telemetry = decoded.payloadAs(SiteTelemetry.class);
    assertThat(telemetry.battery().socPct()).isEqualTo(98.0);
    assertThat(telemetry.tenants()).extracting(SiteTelemetry.TenantSupply::tenantId)
        .containsExactly("mtn", "airtel");
  }

  private String json() {
    return new String(Samples.telemetry(), StandardCharsets.UTF_8);
  }

  private void assertRejected(String json, RejectReason reason) {
    assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(InvalidEventException.class,
            e -> assertThat(e.reason()).as(e.detail()).isEqualTo(reason));
    assertThat(schemas.validate(json.getBytes(StandardCharsets.UTF_8)))
        .as("the schema rejects it too").isNotEmpty();
  }
}
