package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The default detector is quiet when nothing happens and says so while it learns: a noiseless
 * periodic series, a constant one and a step that persists each give at most one alarm (under
 * the default {@link AlarmPolicy}, what {@code towerco detect} scores); counters, small integer
 * counts and heavy-tailed noise raise no storm, with one fleet-wide threshold.
 */
class QuietDetectorTest {
  private static final long START = 1_775_001_600_000L;
  private static final long FIVE_MINUTES = 300_000L;

  /** Alarm events (switches on) over {@code n} points of {@code value} at {@code step}. */
  private static int alarms(int n, long step, IntToDoubleFunction value) {
    Detector detector = Detectors.byName(Detectors.DEFAULT).create();
    AnomalyAlarm alarm = new AnomalyAlarm(AlarmPolicy.DEFAULT);
    int alarms = 0;
    for (int i = 0; i < n; i++) {
      alarm.update(detector.observe(START + i * step, value.applyAsDouble(i)));
      alarms += alarm.active() && alarm.changed() ? 1 : 0;
    }
    return alarms;
  }

  private static int anomalousPoints(int n, long step, IntToDoubleFunction value) {
    Detector detector = Detectors.byName(Detectors.DEFAULT).create();
    int anomalous = 0;
    for (int i = 0; i < n; i++) {
      anomalous += detector.observe(START + i * step, value.applyAsDouble(i)).anomalous() ? 1 : 0;
    }
    return anomalous;
  }

  @Test
  void aNoiselessPerfectlyPeriodicSeriesGivesAtMostOneAlarm() {
    IntToDoubleFunction daily = i -> 100 + 30 * Math.sin(2 * Math.PI * i / 288.0);
    IntToDoubleFunction hourlyOnOff = i -> (i / 12) % 2 == 0 ? 5 : 0; // a square wave
    assertThat(alarms(14 * 288, FIVE_MINUTES, daily)).isLessThanOrEqualTo(1);
    assertThat(alarms(14 * 288, FIVE_MINUTES, hourlyOnOff)).isLessThanOrEqualTo(1);
    assertThat(anomalousPoints(14 * 288, FIVE_MINUTES, daily)).isLessThan(14 * 288 / 1_000);
  }

  @Test
  void aConstantSeriesGivesNoAlarm() {
    for (double constant : new double[] {0, 1, 99.5, -3e7}) {
      assertThat(alarms(5_000, FIVE_MINUTES, i -> constant)).as("%s", constant).isZero();
    }
  }

  @Test
  void aStepThatPersistsGivesOneAlarmAndTheNewLevelIsLearned() {
    for (long seed = 1; seed <= 5; seed++) {
      SplittableRandom noise = new SplittableRandom(seed);
      double[] v = new double[6_000];
      for (int i = 0; i < v.length; i++) {
        v[i] = (i < 3_000 ? 20 : 35) + noise.nextGaussian();
      }
      assertThat(alarms(v.length, FIVE_MINUTES, i -> v[i])).as("seed %d", seed).isEqualTo(1);
    }
  }

  @Test
  void theFirstPointsAreMarkedLearningNotScored() {
    Detector detector = Detectors.byName(Detectors.DEFAULT).create();
    for (int i = 0; i < 30; i++) {
      Score s = detector.observe(START + i * FIVE_MINUTES, i == 20 ? 1e6 : 10 + i % 3);
      assertThat(s.learning()).isTrue();
      assertThat(s.score()).isZero();
    }
  }

  @Test
  void aOnePointPerSecondSeriesLearnsForFiveMinutesNotFortyAndThenFindsAStep() {
    // ADR-032: 40 points and one reference step (5 min) of event time, the first point counting
    // as a whole one-minute step; it was 40 one-minute steps, longer than many a whole fault.
    SplittableRandom random = new SplittableRandom(3);
    Detector detector = Detectors.byName(Detectors.DEFAULT).create();
    int firstScored = -1;
    List<Integer> anomalous = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      Score s = detector.observe(START + i * 1_000L,
          20 + random.nextGaussian() + (i >= 900 ? 12 : 0));
      if (firstScored < 0 && !s.learning()) {
        firstScored = i;
      }
      if (s.anomalous()) {
        anomalous.add(i);
      }
    }
    assertThat(firstScored).isBetween(4 * 60, 5 * 60);
    assertThat(anomalous).isNotEmpty().allMatch(i -> i >= 900 && i < 960);
  }

  @Test
  void smallIntegerCountsAndHeavyTailedNoiseRaiseNoStormAtOneThreshold() {
    SplittableRandom random = new SplittableRandom(7);
    // Poisson(0.7) counts: mostly 0 and 1, now and then 3 or 4.
    double[] counts = new double[20_000];
    for (int i = 0; i < counts.length; i++) {
      double l = Math.exp(-0.7);
      double p = random.nextDouble();
      int k = 0;
      while (p > l) {
        p *= random.nextDouble();
        k++;
      }
      counts[i] = k;
    }
    // Laplace noise: heavy tails a Gaussian model would call anomalies every day.
    double[] laplace = new double[20_000];
    for (int i = 0; i < laplace.length; i++) {
      double u = random.nextDouble() - 0.5;
      laplace[i] = 50 - 2 * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    }
    // The alert level is a one-in-10^3.5 surprise per point, so pure noise may alarm about
    // once per 3,000 points (7 in 20,000); a Gaussian model would alarm hundreds of times here.
    assertThat(alarms(counts.length, FIVE_MINUTES, i -> counts[i])).isLessThanOrEqualTo(10);
    assertThat(alarms(laplace.length, FIVE_MINUTES, i -> laplace[i])).isLessThanOrEqualTo(10);
  }

  @Test
  void aCounterIsJudgedByItsIncreaseAndItsResetIsNoAlarm() {
    SplittableRandom random = new SplittableRandom(3);
    double[] total = new double[6_000];
    double sum = 0;
    for (int i = 0; i < total.length; i++) {
      sum = i == 3_000 ? 0 : sum + 100 + random.nextInt(20); // a reset half way
      total[i] = sum;
    }
    assertThat(alarms(total.length, FIVE_MINUTES, i -> total[i])).isZero();

    double[] racing = total.clone();
    for (int i = 4_000; i < racing.length; i++) {
      racing[i] += (i - 4_000) * 400.0; // the rate jumps from ~110 to ~510 per point
    }
    assertThat(alarms(racing.length, FIVE_MINUTES, i -> racing[i])).isEqualTo(1);
  }
}
