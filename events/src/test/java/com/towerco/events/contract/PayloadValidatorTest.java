package com.towerco.events.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records built in code are checked when they are wrapped for publishing ({@code Envelope.of}),
 * with the same rules the codec applies while decoding, each failure naming the JSON field.
 */
class PayloadValidatorTest {
  private static final Instant T0 = Instant.parse("2026-11-27T05:00:00Z");

  @Test
  void aValidRecordIsWrappedAndRoundTrips() throws Exception {
    Envelope event = wrap(telemetry(98, "mtn", 1));

    assertThatCode(() -> new EventCodec().decode(new EventCodec().encode(event)))
        .doesNotThrowAnyException();
  }

  @Test
  void namesTheFieldThatBreaksARangeAnIdAListSizeOrARequiredField() {
    assertRefused(telemetry(180, "mtn", 1), "battery.soc_pct must be within [0.0, 100.0]");
    assertRefused(telemetry(98, "bad id!", 1),
        "tenants[].tenant_id must match [A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    assertRefused(telemetry(98, "mtn", 0), "tenants must have 1..8 items");
    SiteTelemetry t = telemetry(98, "mtn", 1);
    assertRefused(new SiteTelemetry(null, t.generator(), t.rectifier(), t.battery(), t.solar(),
        t.fuel(), t.environment(), t.hvac(), t.door(), t.tenants()), "mains is required");
  }

  @Test
  void namesAnUnknownMapKey() {
    assertRefused(new KpiComputed(KpiComputed.KpiScope.SITE, "S0001", null, "north", T0,
        T0.plusSeconds(60), 1, Map.of("made_up_pct", 1.0)), "values has an unknown key");
  }

  private static SiteTelemetry telemetry(double soc, String tenant, int tenants) {
    return new SiteTelemetry(new SiteTelemetry.Mains(true, 230), null,
        new SiteTelemetry.Rectifier(53.5, 40, 4, 4), new SiteTelemetry.Battery(53.5, soc, 25, 1),
        null, null, new SiteTelemetry.Environment(30, 25),
        new SiteTelemetry.Hvac(SiteTelemetry.HvacState.ON), new SiteTelemetry.Door(false),
        java.util.Collections.nCopies(tenants, new SiteTelemetry.TenantSupply(tenant, 53, 1)));
  }

  private static Envelope wrap(Payload payload) {
    return Envelope.of("e-1", "towerco", "S0001", T0, payload, Map.of());
  }

  private static void assertRefused(Payload payload, String message) {
    assertThatThrownBy(() -> wrap(payload)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
