package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The learned interval is the series' own, whatever the step (ADR-050): a 1 Hz series settles at
 * a second and stays there (it used to fall by a factor e^0.115 per point, to 0 after ~6,500
 * points), a 5-minute one at 5 minutes, while a point's steps are still counted per step of at
 * least a minute.
 */
class CadenceTest {
  private static final long START = 1_775_001_600_000L;

  @Test
  void aOneHertzSeriesKeepsALearnedIntervalOfASecondAndStepsOfAMinute() {
    Cadence cadence = new Cadence();
    SplittableRandom random = new SplittableRandom(5);
    long t = START;
    double stepSum = 0;
    for (int i = 0; i < 10_000; i++) {
      t += 900 + random.nextInt(201); // 1 s ± 100 ms
      double steps = cadence.advance(t);
      if (i > 0) {
        assertThat(steps).as("point %d", i).isBetween(0.9 / 60 - 1e-12, 1.1 / 60 + 1e-12);
        stepSum += steps;
      }
      if (i >= 100) {
        assertThat(interval(cadence)).as("point %d", i).isBetween(950.0, 1_050.0);
      }
    }
    assertThat(interval(cadence)).isCloseTo(1_000, within(20.0));
    assertThat(stepSum).isCloseTo((t - START) / 60_000.0, within(0.5)); // a step per minute
    assertThat(cadence.finerThanStep()).isTrue();
    assertThat(Math.exp(cadence.logStep())).isCloseTo(60_000, within(1e-6));
  }

  @Test
  void aFiveMinuteSeriesKeepsALearnedIntervalOfFiveMinutesAndAStepPerPoint() {
    Cadence cadence = new Cadence();
    SplittableRandom random = new SplittableRandom(6);
    long t = START;
    for (int i = 0; i < 10_000; i++) {
      t += 300_000 + random.nextInt(2_001) - 1_000;
      double steps = cadence.advance(t);
      if (i > 0) {
        assertThat(steps).as("point %d", i).isCloseTo(1, within(0.01));
      }
    }
    assertThat(interval(cadence)).isCloseTo(300_000, within(1_000.0));
    assertThat(Math.exp(cadence.logStep())).isCloseTo(300_000, within(1_000.0));
    assertThat(cadence.finerThanStep()).isFalse();
  }

  @Test
  void aSeriesEveryFortyFiveSecondsIsNotFinerThanAStep() {
    Cadence cadence = new Cadence();
    long t = START;
    for (int i = 0; i < 1_000; i++) {
      t += 45_000;
      assertThat(cadence.advance(t)).isCloseTo(i == 0 ? 1 : 0.75, within(1e-9));
      assertThat(cadence.finerThanStep()).as("point %d", i).isFalse();
    }
    assertThat(interval(cadence)).isCloseTo(45_000, within(1.0));
  }

  @Test
  void aGapStillCountsItsStepsAndMovesTheIntervalByABoundedFactor() {
    Cadence cadence = new Cadence();
    long t = START;
    for (int i = 0; i < 1_000; i++) {
      cadence.advance(t += 1_000);
    }
    double before = cadence.logInterval;
    assertThat(cadence.advance(t += 30 * 60_000)).isCloseTo(30, within(1e-9));
    assertThat(cadence.gap()).isTrue();
    assertThat(cadence.logInterval - before).isCloseTo(0.05 * 2.3, within(1e-12));
    for (int i = 0; i < 200; i++) {
      cadence.advance(t += 1_000);
    }
    assertThat(interval(cadence)).isCloseTo(1_000, within(1.0));
  }

  @Test
  void anIntervalCollapsedBeforeTheFixStartsAgainFromTheLastPointsInterval() {
    // What a 1 Hz series held after 10,000 points before ADR-050 (the last point 1 s, 1/60 step).
    Cadence cadence = new Cadence();
    Snapshot.Writer w = new Snapshot.Writer("cadence", 1);
    w.putLong(START).putDouble(Math.log(1_000) - 0.115 * 10_000).putDouble(1 / 60.0);
    cadence.read(new Snapshot.Reader(w.toBytes(), "cadence", 1));
    assertThat(cadence.finerThanStep()).isTrue();

    // Downtime of 25 minutes: still a gap of 25 steps, the interval moved as by any gap.
    long t = START + 25 * 60_000;
    assertThat(cadence.advance(t)).isCloseTo(25, within(1e-9));
    assertThat(cadence.gap()).isTrue();
    assertThat(cadence.logInterval).isCloseTo(Math.log(1_000) + 0.115, within(1e-9));
    for (int i = 0; i < 300; i++) {
      assertThat(cadence.advance(t += 1_000)).isCloseTo(1 / 60.0, within(1e-12));
      assertThat(cadence.finerThanStep()).isTrue();
    }
    assertThat(interval(cadence)).isCloseTo(1_000, within(1.0));
  }

  private static double interval(Cadence cadence) {
    return Math.exp(cadence.logInterval);
  }
}
