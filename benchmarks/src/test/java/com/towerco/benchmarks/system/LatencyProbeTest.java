package com.towerco.benchmarks.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyProbeTest {
  @Test
  void aPhaseThatEndedInsideARaiseRoundGoesOnWithTheSitesNotRaisedYet() {
    // 5,000 sites, a 30 s warm-up raised 600: the measured phase raises sites 600.. (round 0),
    // not sites 0.. again with a second cause while their first alarm is still raised
    assertThat(LatencyProbe.firstAlarm(600, 5_000)).isEqualTo(600);
    assertThat(LatencyProbe.firstAlarm(0, 50)).isZero();
  }

  @Test
  void aPhaseThatEndedInsideAClearRoundStartsAtTheNextRaiseRound() {
    // 50 sites: alarm 70 is round 1 (clears); a clear of a never-raised alarm makes no alert
    assertThat(LatencyProbe.firstAlarm(70, 50)).isEqualTo(100);
    assertThat(LatencyProbe.firstAlarm(50, 50)).isEqualTo(100);
    assertThat(LatencyProbe.firstAlarm(130, 50)).isEqualTo(130);
  }
}
