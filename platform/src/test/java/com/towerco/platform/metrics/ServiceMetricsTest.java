package com.towerco.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {
  private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void subSecondLatencyLandsInItsOwnBucketAndEachInputFamilyHasItsOwnLatency() {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      ServiceMetrics service = metrics.forService("kpi");
      for (int i = 0; i < 10; i++) {
        service.eventIn("site.telemetry", T, T.toEpochMilli() + 15);
      }
      service.eventIn("kpi.computed", T, T.toEpochMilli() + 35_000);

      String scrape = metrics.scrape();
      assertThat(scrape).contains("towerco_processing_latency_seconds_bucket{input=\"site_events\","
          + "service=\"kpi\",le=\"0.01\"} 0")
          .contains("towerco_processing_latency_seconds_bucket{input=\"site_events\","
          + "service=\"kpi\",le=\"0.05\"} 10")
          .contains("towerco_processing_latency_seconds_bucket{input=\"kpi_metrics\","
          + "service=\"kpi\",le=\"10.0\"} 0")
          .contains("towerco_processing_latency_seconds_bucket{input=\"kpi_metrics\","
          + "service=\"kpi\",le=\"60.0\"} 1");
    }
  }
}
