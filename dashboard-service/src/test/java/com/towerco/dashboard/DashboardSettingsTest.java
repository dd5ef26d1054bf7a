package com.towerco.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardSettingsTest {
  @Test
  void defaultsToTheDocumentedGroupAndWindows() {
    DashboardSettings settings = DashboardSettings.from(ServiceSettings.empty());
    assertThat(settings.groupId()).isEqualTo("towerco-dashboard-service");
    assertThat(settings.replay().siteEvents()).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.limits().seriesPoints()).isEqualTo(180);
    assertThat(settings.streamBuffer()).isEqualTo(20_000);
  }

  @Test
  void readsEveryKeyItDocuments() {
    DashboardSettings settings = DashboardSettings.from(ServiceSettings.empty()
        .with("dashboard.group-id", "dash-2").with("dashboard.replay.site-events", "PT1H")
        .with("dashboard.series.points", "60").with("dashboard.stream.buffer", "500"));
    assertThat(settings.groupId()).isEqualTo("dash-2");
    assertThat(settings.replay().siteEvents()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.limits().seriesPoints()).isEqualTo(60);
    assertThat(settings.streamBuffer()).isEqualTo(500);
  }

  @Test
  void refusesValuesItCannotUseNamingTheKey() {
    assertThatThrownBy(() -> DashboardSettings.from(ServiceSettings.empty()
        .with("dashboard.replay.kpis", "6 hours")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dashboard.replay.kpis");
    assertThatThrownBy(() -> DashboardSettings.from(ServiceSettings.empty()
        .with("dashboard.stream.buffer", "0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dashboard.stream.buffer");
  }
}
