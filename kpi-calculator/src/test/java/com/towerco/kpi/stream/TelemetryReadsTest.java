package com.towerco.kpi.stream;

import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.ProjectedEvent;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.kpi.domain.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The KPI calculator's projected read of a reading (ADR-037) gives the {@link Reading} the full
 * decode gives, with and without the optional parts, and declines a reading whose KPI fields
 * are malformed (the runtime then decodes it in full and dead-letters it with its reason).
 */
class TelemetryReadsTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00.250Z");
  private final EventCodec codec = new EventCodec();

  @Test
  void aProjectedReadingEqualsTheFullDecodesReading() throws Exception {
    List<SiteTelemetry> readings = List.of(aReading().build(),
        aReading().gridDown().generatorRunning().fuel(312.5).soc(41.25).build(),
        aReading().tenant("altel", 53.5, 1.0).tenant("borealis", 0.0, 2.0).build(),
        new SiteTelemetry(new SiteTelemetry.Mains(false, 0), null,
            new SiteTelemetry.Rectifier(53.5, 40, 4, 4),
            new SiteTelemetry.Battery(52.1, 88.5, 25, -12.5), null, null,
            new SiteTelemetry.Environment(30, 28), new SiteTelemetry.Hvac(
                SiteTelemetry.HvacState.ON), new SiteTelemetry.Door(false),
            List.of(new SiteTelemetry.TenantSupply("celtra", 53.4, 0.7))));
    for (SiteTelemetry telemetry : readings) {
      byte[] json = codec.encode(event(telemetry));
      Envelope full = codec.decode(json);
      ProjectedEvent projected = TelemetryReads.FIELDS.read(json);
      assertThat(projected).isNotNull();
      assertThat(TelemetryReads.reading(projected)).isEqualTo(
          Reading.of(full.timestamp().toEpochMilli(), full.payloadAs(SiteTelemetry.class)));
    }
  }

  @Test
  void aReadingMalformedInAFieldTheKpisReadIsDeclined() {
    String json = new String(codec.encode(event(aReading().build())), StandardCharsets.UTF_8);
    for (String[] edit : new String[][] {
        {"\"soc_pct\":[0-9.]+", "\"soc_pct\":150.0"},
        {"\"available\":true", "\"available\":\"yes\""},
        {"\"load_kw\":[0-9.]+", "\"load_kw\":-1"},
        {"\"tenant_id\":\"altel\"", "\"tenant_id\":\"bad id!\""},
        {"\"running\":false", "\"running\":null"}}) {
      String malformed = json.replaceFirst(edit[0], edit[1]);
      assertThat(malformed).as(edit[0]).isNotEqualTo(json);
      assertThat(TelemetryReads.FIELDS.read(malformed.getBytes(StandardCharsets.UTF_8)))
          .as(edit[1]).isNull();
    }
  }

  private static Envelope event(SiteTelemetry telemetry) {
    return Envelope.of("e-1", "towerco", "S1", T0, telemetry, Map.of("producer", "test"));
  }
}
