package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What ADR-069 saves per point must not change a score: an expected range worked out when asked
 * is the range of its own point, however late it is asked, and a step found without the long
 * division is the division's quotient.
 */
class PerReadingCostTest {
  private static final long START = 1_775_001_600_000L;

  /** Scores of a 1 Hz series with spikes and a counter's resets, in the given order of asking. */
  private static List<Score> scores(Detector detector, int n, boolean counter) {
    SplittableRandom random = new SplittableRandom(3);
    List<Score> scores = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < n; i++) {
      double value = 40 + 5 * Math.sin(i / 600.0) + random.nextGaussian()
          + (random.nextInt(500) == 0 ? 25 : 0);
      total += Math.abs(value);
      scores.add(detector.observe(START + i * 1_000L, counter ? total : value));
    }
    return scores;
  }

  @Test
  void aRangeReadLateIsTheRangeOfItsOwnPoint() {
    for (boolean counter : new boolean[] {false, true}) {
      Detector eager = Detectors.byName(Detectors.DEFAULT).create();
      SplittableRandom random = new SplittableRandom(3);
      List<double[]> readAtOnce = new ArrayList<>();
      double total = 0;
      for (int i = 0; i < 6_000; i++) {
        double value = 40 + 5 * Math.sin(i / 600.0) + random.nextGaussian()
            + (random.nextInt(500) == 0 ? 25 : 0);
        total += Math.abs(value);
        Score s = eager.observe(START + i * 1_000L, counter ? total : value);
        readAtOnce.add(new double[] {s.low(), s.high()});
      }
      List<Score> readLate = scores(Detectors.byName(Detectors.DEFAULT).create(), 6_000,
          counter);
      int judged = 0;
      for (int i = 0; i < readLate.size(); i++) {
        Score late = readLate.get(i);
        assertThat(Double.doubleToRawLongBits(late.low())).as("low %d", i)
            .isEqualTo(Double.doubleToRawLongBits(readAtOnce.get(i)[0]));
        assertThat(Double.doubleToRawLongBits(late.high())).as("high %d", i)
            .isEqualTo(Double.doubleToRawLongBits(readAtOnce.get(i)[1]));
        judged += Double.isNaN(late.low()) ? 0 : 1;
      }
      assertThat(judged).as("counter %s", counter).isGreaterThan(5_000);
    }
  }

  @Test
  void aScoreIsAValueAsARecordIs() {
    Detector detector = Detectors.byName(Detectors.DEFAULT).create();
    Score judged = scores(detector, 3_000, false).get(2_999);
    Score given = new Score(judged.timeMillis(), judged.value(), judged.score(),
        judged.expected(), judged.low(), judged.high(), judged.firedBy());
    assertThat(given).isEqualTo(judged).hasSameHashCodeAs(judged);
    assertThat(given.toString()).isEqualTo(judged.toString())
        .startsWith("Score[timeMillis=" + judged.timeMillis() + ", value=");
    assertThat(Score.learning(1, 2, "x")).isEqualTo(new Score(1, 2, 0, Double.NaN, Double.NaN,
        Double.NaN, "x", true));
  }

  @Test
  void aStepFoundWithoutTheDivisionIsTheQuotient() {
    SplittableRandom random = new SplittableRandom(5);
    long r = Cadence.RESOLUTION_MS;
    long[] edges = {0, 1, r - 1, r, r + 1, -1, -r, -r - 1, Long.MAX_VALUE, Long.MIN_VALUE,
        Long.MAX_VALUE - r, Long.MIN_VALUE + r};
    List<long[]> cases = new ArrayList<>();
    for (long step : new long[] {0, 1, 2, 1_000, Long.MAX_VALUE / r, Long.MAX_VALUE / r + 1,
        Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
      for (long edge : edges) {
        cases.add(new long[] {step, edge});
        cases.add(new long[] {step, step * r + edge});
      }
    }
    for (int i = 0; i < 100_000; i++) {
      long step = random.nextInt(3) == 0 ? random.nextLong() : random.nextLong(1_000_000);
      long offset = random.nextBoolean() ? step * r + random.nextLong(-2 * r, 2 * r)
          : random.nextLong();
      cases.add(new long[] {step, offset});
    }
    for (long[] c : cases) {
      assertThat(StepAggregates.stepOf(c[0], c[1])).as("step %d offset %d", c[0], c[1])
          .isEqualTo(Math.floorDiv(c[1], r));
    }
  }
}
