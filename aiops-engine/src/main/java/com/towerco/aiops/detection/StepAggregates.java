package com.towerco.aiops.detection;

/**
 * For a series with many points per {@link Cadence} step (1 Hz telemetry, ADR-041): each step's
 * points summed up into their mean (steps counted from the series' first point, not the wall
 * clock, so no calendar boundary is ever a step boundary), and each finished step's mean judged
 * against what the previous steps' means predict (a damped-trend level over them), in units of
 * how far that prediction has usually missed, never less than the step mean's own standard
 * error. A shift that no single point shows (one deviation of the points, lasting minutes) is a
 * many-fold miss of a step mean. With few steps behind it the usual miss is itself uncertain,
 * so the surprise is a two-sided Student-t tail with as many degrees of freedom as misses seen
 * (at least 3, at most 30): a young series needs a far larger departure. The surprise holds
 * until the next step finishes. A step mean's spread was tried as well and not kept (ADR-041:
 * on 1 Hz telemetry's slow wander it alarmed for hours).
 */
final class StepAggregates {
  private static final int MIN_POINTS = 10;
  private static final int MIN_MISSES = 3;
  private static final double MAX_DF = 30;
  private static final double ALPHA = 0.3;
  private static final double BETA = 0.1;
  private static final double DAMPING = 0.9;
  private static final double CLIP = 3;
  private static final double LN10 = Math.log(10);

  long start = Long.MIN_VALUE;
  long step;
  int n;
  double sum;
  double sumSq;
  double level = Double.NaN;
  double trend;
  double meanMiss;
  double misses;
  double surprise;

  /**
   * Adds a point at {@code timeMillis}; when it starts a new step the previous one is judged.
   * {@code floor} is the least deviation of one point believed ({@link SeasonalBaseline}).
   */
  void add(long timeMillis, double value, double floor) {
    if (start == Long.MIN_VALUE) {
      start = timeMillis;
    }
    long s = Math.floorDiv(timeMillis - start, Cadence.RESOLUTION_MS);
    if (s < step) {
      return; // a late point: its step is judged already
    }
    if (s > step) {
      close(floor);
      step = s;
      n = 0;
      sum = 0;
      sumSq = 0;
    }
    n++;
    sum += value;
    sumSq += value * value;
  }

  private void close(double floor) {
    surprise = 0;
    if (n < MIN_POINTS) {
      return;
    }
    double mean = sum / n;
    double sd = Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
    double standardError = Math.max(sd, floor) / Math.sqrt(n);
    if (Double.isNaN(level)) {
      level = mean;
      return;
    }
    double predicted = level + DAMPING * trend;
    double e = mean - predicted;
    double usual = Math.max(Math.sqrt(meanMiss), standardError);
    if (misses >= MIN_MISSES) {
      surprise = surprise(Math.abs(e) / usual, Math.min(misses, MAX_DF));
    }
    double w = Math.max(1 / (misses + 1), 1 / MAX_DF);
    double ec = Math.max(-CLIP * usual, Math.min(CLIP * usual, e));
    meanMiss += w * (ec * ec - meanMiss);
    misses++;
    double previous = level;
    level = predicted + ALPHA * e;
    trend = DAMPING * trend + BETA * (level - previous - DAMPING * trend);
  }

  /**
   * {@code -log10} of the two-sided chance of a Student-t statistic {@code t} with {@code df}
   * degrees of freedom, through its normal equivalent (Wallace's approximation).
   */
  static double surprise(double t, double df) {
    double z = Math.sqrt(df * Math.log1p(t * t / df)) * (8 * df + 1) / (8 * df + 3);
    return -(Math.log(2) + logUpperNormal(z)) / LN10;
  }

  /** {@code ln P(Z > z)} for a standard normal {@code Z}, {@code z >= 0}. */
  private static double logUpperNormal(double z) {
    if (z < 6) {
      // Abramowitz and Stegun 7.1.26 for erfc(z / sqrt 2), relative error below 1e-4 here
      double x = z / Math.sqrt(2);
      double k = 1 / (1 + 0.3275911 * x);
      double poly = k * (0.254829592 + k * (-0.284496736 + k * (1.421413741
          + k * (-1.453152027 + k * 1.061405429))));
      return Math.log(0.5 * poly) - x * x;
    }
    return -z * z / 2 - Math.log(z * Math.sqrt(2 * Math.PI)) + Math.log1p(-1 / (z * z));
  }

  /**
   * The level jumped (the detector's own step views settled it): the step in progress straddles
   * the jump, so it is not judged, and the next one starts the level again; the usual misses stay.
   */
  void settle() {
    n = 0;
    sum = 0;
    sumSq = 0;
    level = Double.NaN;
    trend = 0;
    surprise = 0;
  }

  /** The surprise of the last finished step's mean (0 until {@code MIN_MISSES} misses). */
  double surprise() {
    return surprise;
  }

  /** Forgets everything, the usual misses too. */
  void reset() {
    settle();
    start = Long.MIN_VALUE;
    step = 0;
    meanMiss = 0;
    misses = 0;
  }

  void write(Snapshot.Writer w) {
    w.putLong(start).putLong(step).putInt(n).putDouble(sum).putDouble(sumSq).putDouble(level)
        .putDouble(trend).putDouble(meanMiss).putDouble(misses).putDouble(surprise);
  }

  void read(Snapshot.Reader r) {
    start = r.getLong();
    step = r.getLong();
    n = r.getInt();
    sum = r.getDouble();
    sumSq = r.getDouble();
    level = r.getDouble();
    trend = r.getDouble();
    meanMiss = r.getDouble();
    misses = r.getDouble();
    surprise = r.getDouble();
  }
}
