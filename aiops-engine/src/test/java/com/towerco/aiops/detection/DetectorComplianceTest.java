package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered detector promises, whatever its model: scores in [0, 1], the same
 * scores for the same input, a snapshot taken mid-stream that continues exactly, missing values
 * that teach nothing, gaps and irregular spacing handled, constant series quiet, bounded state,
 * and no storm while a new series is learned.
 */
class DetectorComplianceTest {
  private static final long MINUTE = 60_000L;
  private static final long START = 1_775_001_600_000L; // 2026-04-01T00:00:00Z

  static List<DetectorFactory> detectors() {
    return Detectors.all();
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void scoresStayBetweenZeroAndOneWhateverTheInput(DetectorFactory factory) {
    Detector detector = factory.create();
    SplittableRandom random = new SplittableRandom(1);
    double[] extremes = {0, -0.0, 1e300, -1e300, 1e-300, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < 5_000; i++) {
      double value = i % 97 == 0 ? extremes[(i / 97) % extremes.length]
          : i % 13 == 0 ? random.nextGaussian() * 1e6 : random.nextGaussian();
      Score score = detector.observe(START + i * MINUTE, value);
      assertThat(score.score()).isBetween(0.0, 1.0);
    }
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void theSameInputGivesTheSameScores(DetectorFactory factory) {
    Series series = Series.seasonalWithAnomalies(7, 6_000);
    assertThat(series.scores(factory.create())).isEqualTo(series.scores(factory.create()));
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void aSnapshotTakenMidStreamContinuesExactly(DetectorFactory factory) {
    Series series = Series.seasonalWithAnomalies(11, 8_000);
    List<Score> uninterrupted = series.scores(factory.create());
    for (int cut : new int[] {0, 1, 5, 39, 40, 41, 2_500, 5_003}) {
      Detector first = factory.create();
      List<Score> scores = new ArrayList<>();
      for (int i = 0; i < cut; i++) {
        scores.add(first.observe(series.times[i], series.values[i]));
      }
      Detector restored = factory.restore(first.snapshot());
      for (int i = cut; i < series.values.length; i++) {
        scores.add(restored.observe(series.times[i], series.values[i]));
      }
      assertThat(scores).as("restored after %d points", cut).isEqualTo(uninterrupted);
    }
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void missingValuesScoreZeroAndTeachNothing(DetectorFactory factory) {
    Series series = Series.seasonalWithAnomalies(3, 3_000);
    Detector withHoles = factory.create();
    Detector without = factory.create();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < series.values.length; i++) {
      if (random.nextInt(10) == 0) {
        double missing = random.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY;
        assertThat(withHoles.observe(series.times[i], missing).score()).isZero();
      }
      assertThat(withHoles.observe(series.times[i], series.values[i]))
          .isEqualTo(without.observe(series.times[i], series.values[i]));
    }
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void irregularSpacingGapsAndRepeatedTimesRaiseNoStorm(DetectorFactory factory) {
    Detector detector = factory.create();
    SplittableRandom random = new SplittableRandom(9);
    long time = START;
    int anomalies = 0;
    int points = 6_000;
    for (int i = 0; i < points; i++) {
      long step = i == 3_000 ? 3 * 86_400_000L : (long) (random.nextDouble(0.2, 3) * MINUTE);
      time += i % 50 == 0 ? 0 : step;
      long t = i % 333 == 0 ? time - 10 * MINUTE : time; // now and then a late point
      double value = 100 + 10 * Math.sin(2 * Math.PI * t / 86_400_000.0)
          + random.nextGaussian();
      anomalies += detector.observe(t, value).anomalous() ? 1 : 0;
    }
    assertThat(anomalies).isLessThan(points / 100);
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void aConstantSeriesIsNeverAnomalous(DetectorFactory factory) {
    for (double constant : new double[] {0, 42.5, -1e9}) {
      Detector detector = factory.create();
      for (int i = 0; i < 3_000; i++) {
        assertThat(detector.observe(START + i * MINUTE, constant).score()).isZero();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void theStateStaysTheSameSizeHoweverLongTheSeries(DetectorFactory factory) {
    Detector detector = factory.create();
    Series series = Series.seasonalWithAnomalies(13, 50_000);
    int early = 0;
    for (int i = 0; i < series.values.length; i++) {
      detector.observe(series.times[i], series.values[i]);
      if (i == 100) {
        early = detector.snapshot().length;
      }
    }
    assertThat(detector.snapshot().length).isEqualTo(early).isLessThan(8 * 1024);
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void aNewSeriesRaisesNoStormWhileItsBaselineForms(DetectorFactory factory) {
    for (long seed = 0; seed < 20; seed++) {
      Series series = Series.seasonal(seed, 1_500, 5 * MINUTE, 20, 1);
      long anomalies = series.scores(factory.create()).stream().filter(Score::anomalous).count();
      assertThat(anomalies).as("seed %d", seed).isLessThanOrEqualTo(2);
    }
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void anObviousSpikeAfterWarmUpIsAnomalousAndExplained(DetectorFactory factory) {
    Series series = Series.seasonal(21, 600, MINUTE, 5, 1);
    series.values[500] += 60;
    List<Score> scores = series.scores(factory.create());
    Score spike = scores.get(500);
    assertThat(spike.anomalous()).isTrue();
    assertThat(spike.high()).isLessThan(spike.value());
    assertThat(spike.expected()).isBetween(spike.low(), spike.high());
    assertThat(spike.firedBy()).startsWith(factory.name());
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void aWildValueAmongTheFirstPointsDoesNotPoisonTheBaseline(DetectorFactory factory) {
    for (int at : new int[] {0, 3, 20, 300}) {
      Series series = Series.seasonal(4, 800, MINUTE, 5, 1);
      series.values[at] = Double.MAX_VALUE / 3;
      series.values[700] += 40;
      List<Score> scores = series.scores(factory.create());
      assertThat(scores.subList(at + 100, 700)).as("poison at %d", at)
          .noneMatch(Score::anomalous);
      assertThat(scores.get(700).anomalous()).as("poison at %d", at).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void aSnapshotOfAnotherDetectorIsRefused(DetectorFactory factory) {
    Detector other = Detectors.all().stream().filter(f -> !f.name().equals(factory.name()))
        .findFirst().orElseThrow().create();
    assertThatThrownBy(() -> factory.restore(other.snapshot()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> factory.restore(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A test series: times and values. */
  static final class Series {
    final long[] times;
    final double[] values;

    Series(long[] times, double[] values) {
      this.times = times;
      this.values = values;
    }

    static Series seasonal(long seed, int n, long step, double amplitude, double noise) {
      SplittableRandom random = new SplittableRandom(seed);
      long[] times = new long[n];
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        times[i] = START + i * step;
        values[i] = 50 + amplitude * Math.sin(2 * Math.PI * times[i] / 86_400_000.0)
            + random.nextGaussian() * noise;
      }
      return new Series(times, values);
    }

    static Series seasonalWithAnomalies(long seed, int n) {
      Series s = seasonal(seed, n, 5 * MINUTE, 20, 2);
      SplittableRandom random = new SplittableRandom(seed + 1);
      DoubleUnaryOperator shift = v -> v + 30;
      for (int i = 0; i < n; i++) {
        if (random.nextInt(400) == 0) {
          s.values[i] += 40;
        }
        if (i > n / 2) {
          s.values[i] = shift.applyAsDouble(s.values[i]);
        }
      }
      return s;
    }

    List<Score> scores(Detector detector) {
      List<Score> scores = new ArrayList<>(values.length);
      for (int i = 0; i < values.length; i++) {
        scores.add(detector.observe(times[i], values[i]));
      }
      return scores;
    }
  }
}
