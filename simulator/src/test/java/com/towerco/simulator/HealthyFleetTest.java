package com.towerco.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.simulator.domain.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fleet with nothing injected: quiet, and with the daily rhythms detectors learn. */
class HealthyFleetTest {
  private static final SimulatorConfig FLEET = Recorded.smallFleet().withRate(1.0 / 60);

  @Test
  void aHealthyFleetRaisesNoAlarmForTwoDays() {
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofDays(2)));

    assertThat(run.events).noneMatch(e -> e.payload() instanceof SiteAlarm);
    assertThat(run.events).allMatch(e -> !(e.payload() instanceof SiteTelemetry t)
        || t.tenants().stream().allMatch(s -> s.dcVoltageV() > 52));
  }

  @Test
  void loadPeaksInTheEveningAndTemperatureInTheAfternoonLocalTime() {
    Recorded run = Recorded.run(FLEET.withDuration(Duration.ofDays(2)));

    // Local time is UTC+3: 04:00 local is 01:00Z, 15:00 local is 12:00Z, 20:00 local is 17:00Z.
    assertThat(mean(run, 17, Metric.LOAD)).isGreaterThan(1.1 * mean(run, 1, Metric.LOAD));
    assertThat(mean(run, 12, Metric.AMBIENT)).isGreaterThan(mean(run, 1, Metric.AMBIENT) + 6);
  }

  private enum Metric { LOAD, AMBIENT }

  private static double mean(Recorded run, int utcHour, Metric metric) {
    List<Envelope> readings = run.events.stream()
        .filter(e -> e.payload() instanceof SiteTelemetry)
        .filter(e -> e.timestamp().atOffset(ZoneOffset.UTC).getHour() == utcHour).toList();
    return readings.stream().mapToDouble(e -> {
      SiteTelemetry t = e.payloadAs(SiteTelemetry.class);
      return metric == Metric.LOAD
          ? t.tenants().stream().mapToDouble(SiteTelemetry.TenantSupply::loadKw).sum()
          : t.environment().ambientTempC();
    }).average().orElseThrow();
  }

  @Test
  void everySiteReportsOncePerIntervalEvenlySpreadOverIt() {
    Recorded run = Recorded.run(Recorded.smallFleet().withDuration(Duration.ofMinutes(10)));

    List<Instant> times = run.events.stream().filter(e -> e.payload() instanceof SiteTelemetry)
        .map(Envelope::timestamp).toList();
    assertThat(times).hasSize(12 * 60).isSorted();
    assertThat(run.telemetry("S0005")).hasSize(60);
    assertThat(run.of("S0005", SiteTelemetry.class).get(1).timestamp())
        .isEqualTo(run.of("S0005", SiteTelemetry.class).get(0).timestamp().plusSeconds(10));
  }
}
