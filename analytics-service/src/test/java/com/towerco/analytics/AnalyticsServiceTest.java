package com.towerco.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the service subscribes to, and how its settings read. */
class AnalyticsServiceTest {
  @Test
  void subscribesToEveryTopicFamilyButTheDeadLettersAndTheNotificationSettings() {
    assertThat(AnalyticsService.SUBSCRIPTION.asPredicate()).accepts(
        "towerco.sites.S0001.events", "towerco.kpis.altel.metrics",
        "towerco.alerts.altel.notifications", "towerco.incidents.altel.lifecycle",
        "towerco.incidents.altel.commands", "towerco.optimizations.altel.lifecycle",
        "towerco.optimizations.altel.commands", "towerco.refuels.altel.lifecycle",
        "towerco.refuels.altel.commands", "towerco.notifications.altel.deliveries",
        "towerco.inventory");
    assertThat(AnalyticsService.SUBSCRIPTION.matcher("towerco.dlq").matches()).isFalse();
    assertThat(AnalyticsService.SUBSCRIPTION.matcher("towerco.notifications.settings")
        .matches()).isFalse();
    assertThat(AnalyticsService.SUBSCRIPTION.matcher("towerco.notifications.inbox").matches())
        .isFalse();
    assertThat(AnalyticsService.SUBSCRIPTION.matcher("towerco.notifications.requests")
        .matches()).isFalse();
  }

  @Test
  void readsRetentionsAsDaysHoursIsoOrForever() {
    ServiceSettings s = ServiceSettings.empty().with("a", "30d").with("b", "PT12H")
        .with("c", "forever").with("d", "90m");
    assertThat(AnalyticsSettings.duration(s, "a", Optional.empty()))
        .contains(Duration.ofDays(30));
    assertThat(AnalyticsSettings.duration(s, "b", Optional.empty()))
        .contains(Duration.ofHours(12));
    assertThat(AnalyticsSettings.duration(s, "c", Optional.of(Duration.ofDays(1)))).isEmpty();
    assertThat(AnalyticsSettings.duration(s, "d", Optional.empty()))
        .contains(Duration.ofMinutes(90));
    assertThat(AnalyticsSettings.duration(s, "missing", Optional.of(Duration.ofDays(2))))
        .contains(Duration.ofDays(2));
    assertThatThrownBy(() -> AnalyticsSettings.duration(
        ServiceSettings.empty().with("x", "soon"), "x", Optional.empty()))
        .hasMessageContaining("x: not a duration");
  }
}
