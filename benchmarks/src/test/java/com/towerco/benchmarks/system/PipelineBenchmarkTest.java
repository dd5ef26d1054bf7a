package com.towerco.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.app.Services;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineBenchmarkTest {
  @Test
  void eachWarmUpRoundAndTheMeasuredPhaseStartWhereThePreviousRoundsEventTimeEnded() {
    Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(PipelineBenchmark.warmUpEventTime(0, 50_000, 50)).isEqualTo(epoch);
    // 50,000 records over 50 sites: one reading per site per second for 1,000 s per round
    assertThat(PipelineBenchmark.warmUpEventTime(1, 50_000, 50))
        .isEqualTo(epoch.plusSeconds(1_000));
    assertThat(PipelineBenchmark.warmUpEventTime(3, 300_000, 100))
        .isEqualTo(epoch.plusSeconds(9_000));
  }

  @Test
  void theRawPhaseReadsWithOneGroupPerServiceThatReadsTheSiteTopics() {
    // The platform fetches each site record once per such service; notification, inventory
    // and ingest read other topics (or none) and add nothing to the site topics' fan-out.
    assertThat(PipelineBenchmark.siteEventReaders(Services.all())).containsExactlyInAnyOrder(
        "kpi", "aiops", "incidents", "analytics", "dashboard", "watchdog");
    assertThat(PipelineBenchmark.siteEventReaders(Services.select(List.of("aiops", "notification"))))
        .containsExactly("aiops");
  }
}
