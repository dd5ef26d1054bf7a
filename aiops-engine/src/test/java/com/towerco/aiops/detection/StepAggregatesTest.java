package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A 1 Hz series is judged per one-minute step too: a lasting shift of its mean that no single
 * point shows (ADR-041: what SKAB's flow faults are) is found within minutes, and a quiet 1 Hz
 * series stays quiet.
 */
class StepAggregatesTest {
  private static final long START = 1_775_001_600_000L;

  /** The alarmed rows of a 1 Hz series of {@code n} half-unit-quantised points. */
  private static List<Integer> alarms(int seed, int n, int shiftAt, double shift) {
    SplittableRandom random = new SplittableRandom(seed);
    Detector detector = Detectors.byName(Detectors.DEFAULT).create();
    AnomalyAlarm alarm = new AnomalyAlarm(AlarmPolicy.DEFAULT);
    List<Integer> on = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double value = 50 + Math.round(random.nextGaussian() * 2) / 2.0 + (i >= shiftAt ? shift : 0);
      if (alarm.update(detector.observe(START + i * 1_000L, value))) {
        on.add(i);
      }
    }
    return on;
  }

  @Test
  void aLastingShiftOfOneAndAHalfDeviationsAtOneHertzIsFoundWithinFiveMinutes() {
    for (int seed = 1; seed <= 10; seed++) {
      List<Integer> on = alarms(seed, 1_200, 600, 1.5);
      assertThat(on).as("seed %d", seed).isNotEmpty().allMatch(i -> i >= 600);
      assertThat(on.get(0)).as("seed %d", seed).isLessThan(900);
    }
  }

  @Test
  void aQuietOneHertzSeriesRaisesNoAlarmInTwoHours() {
    for (int seed = 1; seed <= 10; seed++) {
      assertThat(alarms(seed, 7_200, Integer.MAX_VALUE, 0)).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void fewStepsBehindMeanALargerDepartureForTheSameSurprise() {
    // A Student-t tail: with 3 misses seen, t = 6 is far less surprising (two-sided 0.0093)
    // than with 30 (1.4e-6); with very many it is the normal tail (t = 4: 6.3e-5).
    assertThat(StepAggregates.surprise(6, 3)).isBetween(1.9, 2.1);
    assertThat(StepAggregates.surprise(6, 30)).isBetween(5.7, 6.0);
    assertThat(StepAggregates.surprise(4, 1e6)).isBetween(4.1, 4.3);
  }
}
