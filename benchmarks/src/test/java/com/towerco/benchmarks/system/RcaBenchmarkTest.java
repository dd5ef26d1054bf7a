package com.towerco.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Root-cause quality as a regression test: one simulated scenario with compound faults (two hub
 * failures, a mains outage at the same time elsewhere, a battery exhaustion, a generator that
 * will not start, HVAC and rectifier failures) and random ones, replayed through the engine's
 * topology. The replay is deterministic, so the thresholds hold run after run.
 */
class RcaBenchmarkTest {
  @Test
  void opensOneIncidentPerRealProblemAndNamesItsRootCause() {
    RcaScore score = RcaBenchmark.scenario(1_001, 40, Duration.ofHours(4), 3);

    assertThat(score.problems()).isGreaterThan(8);
    assertThat(score.precision()).as("incidents that are a real problem: " + score.misses())
        .isGreaterThanOrEqualTo(0.9);
    assertThat(score.top1Accuracy()).as("root cause named first: " + score.misses())
        .isGreaterThanOrEqualTo(0.9);
    assertThat(score.top3Accuracy()).isGreaterThanOrEqualTo(score.top1Accuracy());
  }

  @Test
  void theSameScenarioScoresTheSameEveryTime() {
    RcaScore first = RcaBenchmark.scenario(1_002, 30, Duration.ofHours(2), 3);
    RcaScore second = RcaBenchmark.scenario(1_002, 30, Duration.ofHours(2), 3);

    assertThat(second).isEqualTo(first);
  }
}
