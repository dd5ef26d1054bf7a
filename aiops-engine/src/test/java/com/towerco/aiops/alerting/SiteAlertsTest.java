package com.towerco.aiops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SiteAlertsTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private final SiteAlerts site = new SiteAlerts("S1", Duration.ofSeconds(60));

  @Test
  void anAlarmAndATelemetryThresholdSayingTheSameThingMakeOneAlert() {
    assertThat(site.apply(signal("alarm:A1", true, 0))).isPresent();
    assertThat(site.apply(signal(TelemetryRules.SOURCE, true, 1))).isEmpty();
    assertThat(site.apply(signal("alarm:A1", false, 2))).isEmpty();
    assertThat(site.resolveDue(T0.plusSeconds(500))).isEmpty();
    // the last source lets go: the alert goes quiet (for correlation) and waits out the hold-down
    assertThat(site.apply(signal(TelemetryRules.SOURCE, false, 600)))
        .hasValueSatisfying(t -> assertThat(t).isInstanceOf(AlertTransition.Quiet.class));
    assertThat(site.resolveDue(T0.plusSeconds(659))).isEmpty();
    assertThat(site.resolveDue(T0.plusSeconds(660))).hasSize(1);
  }

  @Test
  void aConditionThatFlapsWithinTheHoldDownStaysOneAlert() {
    var fired = site.apply(signal("alarm:A1", true, 0)).orElseThrow();
    for (int i = 1; i < 10; i++) {
      assertThat(site.apply(signal("alarm:A1", false, i * 20)))
          .hasValueSatisfying(t -> assertThat(t).isInstanceOf(AlertTransition.Quiet.class));
      assertThat(site.resolveDue(T0.plusSeconds(i * 20 + 10))).isEmpty();
      // back within the hold-down: the same alert resumes, nothing new fires
      assertThat(site.apply(signal("alarm:A1", true, i * 20 + 10)))
          .hasValueSatisfying(t -> {
            assertThat(t).isInstanceOf(AlertTransition.Resumed.class);
            assertThat(t.alert().alertId()).isEqualTo(fired.alert().alertId());
          });
    }
    site.apply(signal("alarm:A1", false, 300));
    var resolved = site.resolveDue(T0.plusSeconds(360));

    assertThat(resolved).hasSize(1);
    assertThat(resolved.get(0).alert().alertId()).isEqualTo(fired.alert().alertId());
    assertThat(resolved.get(0).alert().flaps()).isEqualTo(9);
    assertThat(resolved.get(0).endsAt()).isEqualTo(T0.plusSeconds(300));
  }

  @Test
  void aConditionBackAfterTheHoldDownIsANewFiring() {
    var first = site.apply(signal("alarm:A1", true, 0)).orElseThrow();
    site.apply(signal("alarm:A1", false, 10));
    assertThat(site.resolveDue(T0.plusSeconds(70))).hasSize(1);
    var second = site.apply(signal("alarm:A1", true, 100)).orElseThrow();

    assertThat(second.alert().alertId()).isNotEqualTo(first.alert().alertId());
  }

  private static Signal signal(String source, boolean active, int second) {
    return new Signal(AlertRule.MAINS_FAILURE, "", source, active, AlertSeverity.MAJOR,
        T0.plusSeconds(second), "e" + second);
  }
}
