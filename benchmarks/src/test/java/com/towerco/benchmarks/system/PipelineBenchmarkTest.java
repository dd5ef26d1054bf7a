package com.towerco.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
}
