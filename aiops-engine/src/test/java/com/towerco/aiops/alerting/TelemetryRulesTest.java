package com.towerco.aiops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.stream.RuleSettings;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Threshold rules fire on persistence or a confirmed extreme; glitches are sensor faults. */
class TelemetryRulesTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private final SiteAlerts site = new SiteAlerts("S1", Duration.ofSeconds(60));
  private final List<Signal> fired = new ArrayList<>();

  @Test
  void oneGlitchReadingOfSeventyOneDegreesIsASensorFaultNotAHotCabinet() {
    for (int i = 0; i < 20; i++) {
      read(i * 15, 28 + (i % 3) * 0.4, SiteTelemetry.HvacState.ON, true);
    }
    read(300, 71.5, SiteTelemetry.HvacState.ON, true);
    for (int i = 21; i < 40; i++) {
      read(i * 15, 28 + (i % 3) * 0.4, SiteTelemetry.HvacState.ON, true);
    }

    assertThat(rules()).contains(AlertRule.SENSOR_FAULT).doesNotContain(AlertRule.HIGH_TEMPERATURE);
    assertThat(fired).filteredOn(s -> s.rule() == AlertRule.SENSOR_FAULT)
        .allSatisfy(s -> assertThat(s.subject()).isEqualTo("environment.cabinet_temp_c"));
  }

  @Test
  void aSensorThatGlitchesEveryFortyMinutesIsOneMaintenanceItem() {
    int glitches = 0;
    for (int i = 0; i < 4 * 60 * 4; i++) { // 4 hours of 15-second readings
      boolean glitch = i > 0 && i % (40 * 4) == 0;
      glitches += glitch ? 1 : 0;
      read(i * 15, glitch ? 71.5 : 28 + (i % 3) * 0.4, SiteTelemetry.HvacState.ON, true);
    }

    assertThat(glitches).isEqualTo(5);
    assertThat(fired).filteredOn(s -> s.rule() == AlertRule.SENSOR_FAULT && s.active())
        .hasSize(1);
    assertThat(fired).filteredOn(s -> s.rule() == AlertRule.SENSOR_FAULT && !s.active())
        .isEmpty();
  }

  @Test
  void aCabinetHotForThreeReadingsAndAMinuteIsHot() {
    double temp = 40;
    for (int i = 0; i < 40; i++) {
      temp += 0.25;
      read(i * 15, temp, SiteTelemetry.HvacState.ON, true);
    }
    Signal hot = fired.stream().filter(s -> s.rule() == AlertRule.HIGH_TEMPERATURE).findFirst()
        .orElseThrow();
    // above 45 °C from the reading at 300 s (45.25 °C); fires once it has held for 60 s
    assertThat(hot.time()).isEqualTo(T0.plusSeconds(360));
    assertThat(rules()).doesNotContain(AlertRule.SENSOR_FAULT);
  }

  @Test
  void anExtremeValueConfirmedByTheHvacFaultFiresAtOnce() {
    read(0, 57, SiteTelemetry.HvacState.FAULT, true);
    read(15, 61, SiteTelemetry.HvacState.FAULT, true);

    assertThat(fired).filteredOn(s -> s.rule() == AlertRule.HIGH_TEMPERATURE)
        .extracting(Signal::time).containsExactly(T0.plusSeconds(15));
  }

  @Test
  void anExtremeValueWithTheCoolingWorkingWaitsForPersistence() {
    read(0, 57, SiteTelemetry.HvacState.ON, true);
    read(15, 61, SiteTelemetry.HvacState.ON, true);

    assertThat(rules()).doesNotContain(AlertRule.HIGH_TEMPERATURE);
  }

  @Test
  void theOperatorSetsThresholdsAndPersistence() {
    RulePolicies policies = RuleSettings.from(new ServiceSettings(Map.of(
        "aiops.rule.high-temperature.on", "40",
        "aiops.rule.high-temperature.persist", "1",
        "aiops.rule.high-temperature.persist-for", "PT0S")));
    fired.addAll(TelemetryRules.evaluate(site, reading(41, SiteTelemetry.HvacState.ON, true),
        (tenant, volts) -> true, T0, "e0", policies));

    assertThat(rules()).contains(AlertRule.HIGH_TEMPERATURE);
  }

  @Test
  void invalidPolicySettingsAreRefusedWithTheirName() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleSettings.from(
            new ServiceSettings(Map.of("aiops.rule.battery-low.persist", "0"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aiops.rule.battery-low.");
  }

  private List<AlertRule> rules() {
    return fired.stream().filter(Signal::active).map(Signal::rule).toList();
  }

  private void read(int second, double cabinet, SiteTelemetry.HvacState hvac, boolean mains) {
    List<Signal> signals = TelemetryRules.evaluate(site, reading(cabinet, hvac, mains),
        (tenant, volts) -> true, T0.plusSeconds(second), "e" + second);
    signals.forEach(site::apply);
    fired.addAll(signals);
  }

  private static SiteTelemetry reading(double cabinet, SiteTelemetry.HvacState hvac,
      boolean mains) {
    return new SiteTelemetry(new SiteTelemetry.Mains(mains, mains ? 230 : 0),
        new SiteTelemetry.Generator(false, false, 100, 0),
        new SiteTelemetry.Rectifier(53.5, 40, 4, 4), new SiteTelemetry.Battery(53.3, 98, 25, 0.5),
        null, new SiteTelemetry.Fuel(700, 1000), new SiteTelemetry.Environment(cabinet, 24),
        new SiteTelemetry.Hvac(hvac), new SiteTelemetry.Door(false),
        List.of(new SiteTelemetry.TenantSupply("altel", 53.5, 1.2)));
  }
}
