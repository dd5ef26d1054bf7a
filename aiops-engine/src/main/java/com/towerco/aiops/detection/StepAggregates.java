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
 *
 * <p>Two more judgements (ADR-045):
 * <ul>
 *   <li><b>Misses to one side, added up.</b> A departure the damped trend keeps catching up with
 *       (a temperature sliding away over minutes) never makes one step's miss large, but its
 *       misses keep the same sign. A two-sided CUSUM of the misses in usual misses, less an
 *       allowance of one usual miss per step, adds them up; its surprise is the tail of such a
 *       sum on independent unit misses ({@code P(S > h) ~ exp(-2 k h)}). Misses of a wandering
 *       series are not independent (one minute's miss foretells the next), so each is first
 *       shrunk by {@code sqrt((1 - rho) / (1 + rho))}, {@code rho} their learned lag-one
 *       correlation (from 0.2, worth 10 misses): the sum then counts the misses' long-run
 *       deviation, not their one-step one. It judges from the fifth miss on and starts again
 *       once it has reached the alert.
 *   <li><b>A return is not a new anomaly.</b> When a departure was reported (this view's surprise
 *       reached the alert, or the point views' level shift settled the baseline), the level
 *       before it is remembered for {@link #RETURN_STEPS} steps; a finished step whose mean is
 *       nearer that level than the prediction is the departure ending (a valve opened again, a
 *       pump restarted): the level starts again from it and nothing is raised.
 * </ul>
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
  /** The CUSUM's allowance, in usual misses per step. */
  private static final double ALLOWANCE = 1;
  /** Misses seen before the CUSUM judges. */
  private static final int CUSUM_MISSES = 5;
  /** The misses' lag-one correlation assumed at first, worth {@link #PRIOR_MISSES} misses. */
  private static final double PRIOR_RHO = 0.2;
  private static final double PRIOR_MISSES = 10;
  private static final double MAX_RHO = 0.95;
  /** Steps (minutes at 1 Hz) a reported departure's previous level is remembered. */
  static final int RETURN_STEPS = 30;
  private static final long LAST_STEP = Long.MAX_VALUE / Cadence.RESOLUTION_MS;

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
  /** The CUSUM of the misses above and below (in long-run usual misses). */
  double above;
  double below;
  /** The last clipped miss in usual misses (NaN: none since the level started). */
  double lastMiss = Double.NaN;
  /** Averages of a miss times the one before, and of a miss squared; pairs seen. */
  double lagProduct;
  double lagSquare;
  double lagPairs;
  /** The level before the last reported departure (NaN: none open), and steps since. */
  double before = Double.NaN;
  double beforeAge;
  /** The level the last finished step was predicted from. */
  double previousLevel = Double.NaN;

  /**
   * Adds a point at {@code timeMillis}; when it starts a new step the previous one is judged.
   * {@code floor} is the least deviation of one point believed ({@link SeasonalBaseline}).
   */
  void add(long timeMillis, double value, double floor) {
    if (start == Long.MIN_VALUE) {
      start = timeMillis;
    }
    long s = stepOf(step, timeMillis - start);
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

  /**
   * {@code Math.floorDiv(offset, RESOLUTION_MS)}, without the long division for a point in the
   * current {@code step} (most points: 60 a step at 1 Hz, ADR-069): for a step from 0 to
   * {@link #LAST_STEP}, {@code step × RESOLUTION_MS} does not overflow, and an offset within
   * {@code RESOLUTION_MS} at or above it has quotient {@code step}.
   */
  static long stepOf(long step, long offset) {
    long from = step * Cadence.RESOLUTION_MS;
    if (step >= 0 && step <= LAST_STEP && offset >= from
        && offset - from < Cadence.RESOLUTION_MS) {
      return step;
    }
    return Math.floorDiv(offset, Cadence.RESOLUTION_MS);
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
    previousLevel = level;
    if (returned(mean, predicted)) {
      restartLevel(mean);
      return;
    }
    double usual = Math.max(Math.sqrt(meanMiss), standardError);
    if (misses >= MIN_MISSES) {
      surprise = surprise(Math.abs(e) / usual, Math.min(misses, MAX_DF));
    }
    if (misses >= CUSUM_MISSES) {
      surprise = Math.max(surprise, cusum(e / usual));
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
   * True if a departure was reported within {@link #RETURN_STEPS} and this step's mean is nearer
   * the level before it than the prediction: the departure ended.
   */
  private boolean returned(double mean, double predicted) {
    if (Double.isNaN(before)) {
      return false;
    }
    if (++beforeAge > RETURN_STEPS) {
      before = Double.NaN;
      return false;
    }
    return Math.abs(mean - before) < Math.abs(mean - predicted);
  }

  /** Starts the level again from {@code mean}: the departure is over, nothing is raised. */
  private void restartLevel(double mean) {
    before = Double.NaN;
    level = mean;
    trend = 0;
    restartCusum();
    lastMiss = Double.NaN;
  }

  /**
   * Adds a miss of {@code t} usual misses to the CUSUM and returns its surprise: the miss shrunk
   * to the misses' long-run deviation (their lag-one correlation learned), less the allowance.
   */
  private double cusum(double t) {
    double clipped = Math.max(-CLIP, Math.min(CLIP, t));
    if (!Double.isNaN(lastMiss)) {
      double w = Math.max(1 / (lagPairs + 1), 1 / MAX_DF);
      lagProduct += w * (clipped * lastMiss - lagProduct);
      lagSquare += w * (clipped * clipped - lagSquare);
      lagPairs++;
    }
    lastMiss = clipped;
    double learned = lagSquare > 0 ? lagProduct / lagSquare : 0;
    double rho = (PRIOR_RHO * PRIOR_MISSES + learned * lagPairs) / (PRIOR_MISSES + lagPairs);
    rho = Math.max(0, Math.min(MAX_RHO, rho));
    double longRun = t * Math.sqrt((1 - rho) / (1 + rho));
    above = Math.max(0, above + longRun - ALLOWANCE);
    below = Math.max(0, below - longRun - ALLOWANCE);
    return 2 * ALLOWANCE * Math.max(above, below) / LN10;
  }

  /**
   * This view's surprise reached the alert: the departure is reported, so the CUSUM starts
   * again, and the level before it is remembered (unless an earlier one still is).
   */
  void reported() {
    restartCusum();
    remember(previousLevel);
  }

  private void remember(double previous) {
    if (Double.isNaN(before) && !Double.isNaN(previous)) {
      before = previous;
      beforeAge = 0;
    }
  }

  private void restartCusum() {
    above = 0;
    below = 0;
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
   * the jump, so it is not judged, and the next one starts the level again; the usual misses stay,
   * and the level before the jump is remembered as a reported departure's.
   */
  void settle() {
    remember(level);
    n = 0;
    sum = 0;
    sumSq = 0;
    level = Double.NaN;
    trend = 0;
    surprise = 0;
    restartCusum();
    lastMiss = Double.NaN;
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
    lagProduct = 0;
    lagSquare = 0;
    lagPairs = 0;
    before = Double.NaN;
    beforeAge = 0;
    previousLevel = Double.NaN;
  }

  void write(Snapshot.Writer w) {
    w.putLong(start).putLong(step).putInt(n).putDouble(sum).putDouble(sumSq).putDouble(level)
        .putDouble(trend).putDouble(meanMiss).putDouble(misses).putDouble(surprise);
  }

  /** What snapshot v4 added (ADR-045): the CUSUM, the misses' correlation, a departure's level. */
  void writeDepartures(Snapshot.Writer w) {
    w.putDouble(above).putDouble(below).putDouble(lastMiss).putDouble(lagProduct)
        .putDouble(lagSquare).putDouble(lagPairs).putDouble(before).putDouble(beforeAge)
        .putDouble(previousLevel);
  }

  void readDepartures(Snapshot.Reader r) {
    above = r.getDouble();
    below = r.getDouble();
    lastMiss = r.getDouble();
    lagProduct = r.getDouble();
    lagSquare = r.getDouble();
    lagPairs = r.getDouble();
    before = r.getDouble();
    beforeAge = r.getDouble();
    previousLevel = r.getDouble();
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
