package com.towerco.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.PlatformService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthReportTest {
  private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");

  /** A service whose readiness and liveness the test sets. */
  private record Fake(String name, boolean ready, boolean live) implements PlatformService {
    @Override
    public void start() {}

    @Override
    public boolean isReady() {
      return ready;
    }

    @Override
    public boolean isLive() {
      return live;
    }

    @Override
    public void close() {}
  }

  private static HealthPublisher publisher(PlatformMetrics metrics, PlatformService... services) {
    return new HealthPublisher(null, "noc-1", metrics, List.of(services),
        Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5));
  }

  @Test
  void aReportCountsEachServiceWithItsHelperLoops() {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      ServiceMetrics incidents = metrics.forService("incidents");
      ServiceMetrics view = metrics.forService("incidents-view");
      incidents.eventIn("incident.open", NOW, NOW.toEpochMilli());
      view.eventIn("incident.opened", NOW, NOW.toEpochMilli());
      view.eventIn("incident.opened", NOW, NOW.toEpochMilli());
      incidents.eventOut("incident_lifecycle");
      incidents.deadLettered("MALFORMED_JSON");
      view.lagSource(() -> 7L);
      metrics.forService("kpi").eventIn("site.telemetry", NOW, NOW.toEpochMilli());

      ProcessHealth report = publisher(metrics, new Fake("incidents", true, true),
          new Fake("kpi", true, true)).report();

      assertThat(report.status()).isEqualTo("ready");
      assertThat(report.instanceId()).isEqualTo("noc-1");
      assertThat(report.services()).containsExactly(
          new ProcessHealth.ServiceHealth("incidents", true, 3, 1, 1, 7),
          new ProcessHealth.ServiceHealth("kpi", true, 1, 0, 0, 0));
      assertThat(report.eventsIn()).isEqualTo(4);
      assertThat(report.heartbeat()).isEqualTo(NOW);
      assertThat(report.cadenceMillis()).isEqualTo(5_000);
    }
  }

  @Test
  void aProcessWithAStoppedLoopIsNotLiveAndOneWaitingIsNotReady() {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      assertThat(publisher(metrics, new Fake("kpi", false, true)).report().status())
          .isEqualTo("not_ready");
      assertThat(publisher(metrics, new Fake("kpi", false, false), new Fake("aiops", true, true))
          .report().status()).isEqualTo("not_live");
    }
  }

  @Test
  void aReportIsMissingAfterThreeCadencesWithoutAnother() {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      ProcessHealth report = publisher(metrics, new Fake("kpi", true, true)).report();
      assertThat(report.missingAt(NOW.plusSeconds(15))).isFalse();
      assertThat(report.missingAt(NOW.plusMillis(15_001))).isTrue();
    }
  }

  @Test
  void aReportReadsBackAndAReaderIgnoresFieldsItDoesNotKnow() {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      ProcessHealth report = publisher(metrics, new Fake("kpi", true, true)).report();
      assertThat(ProcessHealth.fromJson(report.toJson())).isEqualTo(report);
      String newer = new String(report.toJson(), StandardCharsets.UTF_8)
          .replaceFirst("\\{", "{\"zone\":\"eu-1\",");
      assertThat(ProcessHealth.fromJson(newer.getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(report);
      assertThatThrownBy(() -> ProcessHealth.fromJson("{}".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
