package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.evolution.Generations;
import com.towerco.events.evolution.SiteTelemetryNext;
import com.towerco.events.payload.site.SiteTelemetry;
import org.junit.jupiter.api.Test;

/**
 * Readers tolerate newer minor versions and stay strict on the versions they know: a 1.0 reader
 * reads site.telemetry 1.1 without its new field, a 1.1 reader reads 1.0 with the field absent,
 * and neither accepts a field its known version does not have. The JSON Schemas judge the same.
 */
class MinorVersionReadingTest {
  private final EventCodec reader10 = new EventCodec();
  private final EventCodec reader11 = new EventCodec(Generations.withTelemetry11(),
      EventCodec.DEFAULT_MAX_BYTES);
  private final EventSchemas schemas10 = new EventSchemas();
  private final EventSchemas schemas11 = EventSchemas.generatedFor(Generations.withTelemetry11());

  @Test
  void aReaderOfOneZeroReadsOneOneWithoutTheFieldItDoesNotKnow() throws Exception {
    byte[] event = telemetry("1.1", 50.02);

    Envelope read = reader10.decode(event);

    assertThat(read.payload()).isInstanceOf(SiteTelemetry.class);
    assertThat(read.version()).as("the version the payload now conforms to").isEqualTo("1.0");
    assertThat(schemas10.validate(event)).isEmpty();
  }

  @Test
  void aReaderOfOneOneReadsTheNewFieldAndOneZeroWithoutIt() throws Exception {
    assertThat(reader11.decode(telemetry("1.1", 50.02)).payloadAs(SiteTelemetryNext.class)
        .gridFrequencyHz()).isEqualTo(50.02);
    Envelope old = reader11.decode(telemetry("1.0", null));
    assertThat(old.version()).isEqualTo("1.0");
    assertThat(old.payloadAs(SiteTelemetryNext.class).gridFrequencyHz()).isNull();
    assertThat(schemas11.validate(telemetry("1.0", null))).isEmpty();
    assertThat(schemas11.validate(telemetry("1.1", 50.02))).isEmpty();
  }

  @Test
  void aKnownVersionStaysStrictAboutFieldsItDoesNotHave() {
    byte[] claimsOneZero = telemetry("1.0", 50.02);

    assertRejected(reader11, claimsOneZero, RejectReason.SCHEMA_VIOLATION);
    assertThat(schemas11.validate(claimsOneZero)).isNotEmpty();
    assertRejected(reader10, claimsOneZero, RejectReason.SCHEMA_VIOLATION);
    assertThat(schemas10.validate(claimsOneZero)).isNotEmpty();
  }

  @Test
  void aNewerMinorVersionStillHasItsKnownFieldsChecked() {
    ObjectNode payload = (ObjectNode) Samples.of("site.telemetry", "1.0").payload().deepCopy();
    payload.withObject("/battery").put("soc_pct", 180.0);
    payload.put("grid_frequency_hz", "not checked by a 1.0 reader");
    byte[] event = Samples.event("site.telemetry", "1.7", payload);

    assertRejected(reader10, event, RejectReason.SCHEMA_VIOLATION);
    assertThat(schemas10.validate(event)).isNotEmpty();
  }

  @Test
  void aNewerMajorVersionIsNotReadWithoutAnUpcaster() {
    byte[] event = telemetry("2.0", null);

    assertRejected(reader11, event, RejectReason.UNKNOWN_VERSION);
    assertThat(schemas11.validate(event)).isNotEmpty();
  }

  @Test
  void decodedListsAndMapsCannotBeChanged() throws Exception {
    SiteTelemetry read = reader10.decode(telemetry("1.0", null)).payloadAs(SiteTelemetry.class);

    assertThatThrownBy(() -> read.tenants().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  static byte[] telemetry(String version, Double gridFrequencyHz) {
    ObjectNode payload = (ObjectNode) Samples.of("site.telemetry", "1.0").payload().deepCopy();
    if (gridFrequencyHz != null) {
      payload.put("grid_frequency_hz", gridFrequencyHz);
    }
    return Samples.event("site.telemetry", version, payload);
  }

  private static void assertRejected(EventCodec codec, byte[] event, RejectReason reason) {
    assertThatThrownBy(() -> codec.decode(event))
        .isInstanceOfSatisfying(InvalidEventException.class,
            e -> assertThat(e.reason()).as(e.detail()).isEqualTo(reason));
  }
}
