package com.towerco.aiops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.aiops.stream.RuleSettings;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InhibitionRulesTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private final InhibitionRules rules = InhibitionRules.parse(InhibitionRules.DEFAULT);
  private final SiteAlerts site = new SiteAlerts("S1", Duration.ofSeconds(60));

  @Test
  void aFiringMainsFailureInhibitsBatteryDischargingAtTheSameSite() {
    site.apply(signal(AlertRule.MAINS_FAILURE, true, 0));

    assertThat(rules.inhibitorOf(AlertRule.BATTERY_DISCHARGING, site.active()))
        .contains(AlertRule.MAINS_FAILURE);
    assertThat(rules.inhibitorOf(AlertRule.GENERATOR_FAILURE, site.active())).isEmpty();
  }

  @Test
  void aSourceWhoseConditionLetGoInhibitsNothing() {
    site.apply(signal(AlertRule.MAINS_FAILURE, true, 0));
    site.apply(signal(AlertRule.MAINS_FAILURE, false, 10));

    assertThat(rules.inhibitorOf(AlertRule.BATTERY_DISCHARGING, site.active())).isEmpty();
  }

  @Test
  void badRulesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> InhibitionRules.parse("mains-failure:no-such-rule"))
        .hasMessageContaining("no-such-rule");
    assertThatThrownBy(() -> InhibitionRules.parse("mains-failure"))
        .hasMessageContaining("source:target");
    assertThatThrownBy(() -> InhibitionRules.parse("intrusion:intrusion"))
        .hasMessageContaining("inhibits itself");
    assertThatThrownBy(() -> RuleSettings.from(new ServiceSettings(Map.of("aiops.inhibit",
        "x:y")))).hasMessageContaining("aiops.inhibit");
  }

  private static Signal signal(AlertRule rule, boolean active, int second) {
    return new Signal(rule, "", "telemetry", active, AlertSeverity.MAJOR, T0.plusSeconds(second),
        "e" + second);
  }
}
