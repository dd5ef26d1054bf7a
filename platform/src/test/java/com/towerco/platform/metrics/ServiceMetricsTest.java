package com.towerco.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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

  @Test
  void theHealthViewsPercentilesComeFromTheBucketsOfTheLastMinute() {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      ServiceMetrics service = metrics.forService("aiops");
      long t0 = T.toEpochMilli();
      // 98 records at 120 ms and 2 at 450 ms: p50 in the 100-150 ms bucket, p99 in 400-500 ms.
      for (int i = 0; i < 98; i++) {
        service.eventIn("site.telemetry", T, t0 + 120);
      }
      service.eventIn("site.telemetry", T, t0 + 450);
      service.eventIn("site.telemetry", T, t0 + 450);
      service.eventIn("kpi.computed", T, t0 + 35_000);

      List<LatencyWindow.Quantiles> first = service.latencies(t0);
      assertThat(first).extracting(LatencyWindow.Quantiles::input)
          .containsExactly("site_events", "kpi_metrics");
      LatencyWindow.Quantiles sites = first.get(0);
      assertThat(sites.total()).isEqualTo(100);
      assertThat(sites.p50Seconds()).isBetween(0.100, 0.150);
      assertThat(sites.p99Seconds()).isBetween(0.400, 0.500);
      assertThat(first.get(1).p99Seconds()).isBetween(30.0, 60.0);

      // A minute later only what came since the first sample counts: 10 records at 3 ms.
      for (int i = 0; i < 10; i++) {
        service.eventIn("site.telemetry", T, t0 + 3);
      }
      LatencyWindow.Quantiles later = service.latencies(t0 + 61_000).get(0);
      assertThat(later.total()).isEqualTo(10);
      assertThat(later.p99Seconds()).isBetween(0.0, 0.005);
      // Nothing since the last minute's sample: no latency to report.
      assertThat(service.latencies(t0 + 122_000).get(0).total()).isZero();
      assertThat(service.latencies(t0 + 122_000).get(0).p99Seconds()).isZero();
    }
  }
}
