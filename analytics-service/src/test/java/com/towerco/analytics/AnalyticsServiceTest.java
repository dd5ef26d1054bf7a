package com.towerco.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
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
    ServiceSettings s = ServiceSettings.empty().with("analytics.retention.raw-events", "30d")
        .with("analytics.retention.kpi-windows", "PT12H")
        .with("analytics.retention.alarms", "forever")
        .with("analytics.retention.kpi-hourly", "90m");
    assertThat(AnalyticsSettings.RETENTION_RAW.from(s)).contains(Duration.ofDays(30));
    assertThat(AnalyticsSettings.RETENTION_KPI_WINDOWS.from(s)).contains(Duration.ofHours(12));
    assertThat(AnalyticsSettings.RETENTION_ALARMS.from(s)).isEmpty();
    assertThat(AnalyticsSettings.RETENTION_KPI_HOURLY.from(s)).contains(Duration.ofMinutes(90));
    assertThat(AnalyticsSettings.RETENTION_RAW.from(ServiceSettings.empty()))
        .contains(Duration.ofDays(30));
    assertThatThrownBy(() -> AnalyticsSettings.RETENTION_RAW.from(ServiceSettings.empty()
        .with("analytics.retention.raw-events", "soon")))
        .hasMessageContaining("analytics.retention.raw-events: 'soon' is not a duration");
  }
}
