package com.towerco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.analytics.AnalyticsService;
import com.towerco.dashboard.DashboardService;
import com.towerco.incidents.IncidentService;
import com.towerco.ingest.watchdog.WatchdogServiceFactory;
import com.towerco.kpi.stream.KpiStreams;
import com.towerco.platform.kafka.FetchPace;
import org.junit.jupiter.api.Test;

/**
 * ADR-025: of the services that read every site topic, only the event-to-alert path (the AIOps
 * engine) fetches eagerly; the others read at the background pace, each declaring it next to
 * where it builds its loop.
 */
class SiteReaderPaceTest {
  @Test
  void theSiteReadersOffTheAlertPathReadInTheBackground() {
    assertThat(KpiStreams.PACE).isEqualTo(FetchPace.BACKGROUND);
    assertThat(WatchdogServiceFactory.PACE).isEqualTo(FetchPace.BACKGROUND);
    assertThat(DashboardService.PACE).isEqualTo(FetchPace.BACKGROUND);
    assertThat(AnalyticsService.PACE).isEqualTo(FetchPace.BACKGROUND);
    assertThat(IncidentService.VIEW_PACE).isEqualTo(FetchPace.BACKGROUND);
    assertThat(FetchPace.BACKGROUND.paced()).isTrue();
    assertThat(FetchPace.EAGER.paced()).isFalse();
  }
}
