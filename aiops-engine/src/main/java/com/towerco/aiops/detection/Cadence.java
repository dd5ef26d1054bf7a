package com.towerco.aiops.detection;

/**
 * The sampling rhythm of a series, learned from its timestamps: the typical interval between
 * points (a geometric moving average, robust to the odd gap) and, for each new point, how many
 * steps it stands for. A step is the typical interval, but never less than {@link #RESOLUTION_MS}:
 * learning rates are per step, so a point after a gap moves the baseline more than a point
 * squeezed in between two regular ones, irregular spacing needs no resampling, and a series
 * sampled every second learns (and accumulates evidence) per minute, not per point, so its slow
 * wander is not mistaken for shifts.
 */
final class Cadence {
  static final long RESOLUTION_MS = 60_000;
  static final double MIN_STEPS = 0.001;
  static final double MAX_STEPS = 50;
  static final double GAP_STEPS = 20;
  private static final double LOG_RATE = 0.05;
  private static final double LOG_RESOLUTION = Math.log(RESOLUTION_MS);
  private static final double LOG_HALF_RESOLUTION = Math.log(RESOLUTION_MS / 2.0);

  long last = Long.MIN_VALUE;
  double logInterval = Double.NaN;
  /** Steps of the last point, after {@link #advance}. */
  double steps = 1;
  private final Remembered logDt = new Remembered();
  private final Remembered stepsOf = new Remembered();

  /**
   * Moves to {@code timeMillis} and returns the number of steps since the previous point (1 for
   * the first; {@link #MIN_STEPS} for a repeated or out-of-order time).
   */
  double advance(long timeMillis) {
    if (last == Long.MIN_VALUE) {
      last = timeMillis;
      steps = 1;
      return steps;
    }
    long dt = timeMillis - last;
    if (dt <= 0) {
      steps = MIN_STEPS;
      return steps;
    }
    double logDt = this.logDt.log(dt);
    if (Double.isNaN(logInterval)) {
      logInterval = logDt;
      steps = Math.max(MIN_STEPS, Math.min(1, (double) dt / RESOLUTION_MS));
    } else {
      double diff = logDt - Math.max(logInterval, LOG_RESOLUTION);
      steps = Math.max(MIN_STEPS, Math.min(MAX_STEPS, stepsOf.exp(diff)));
      // A single long gap or burst moves the typical interval by at most a factor e^0.05·2.3.
      logInterval += LOG_RATE * Math.max(-2.3, Math.min(2.3, diff));
    }
    last = timeMillis;
    return steps;
  }

  /**
   * True if the typical interval is at most half a step ({@link #RESOLUTION_MS}): the series
   * has several points per step (1 Hz telemetry: 60).
   */
  boolean finerThanStep() {
    return logInterval < LOG_HALF_RESOLUTION; // false while NaN
  }

  /** True if the last point came after a gap of many steps. */
  boolean gap() {
    return steps >= GAP_STEPS;
  }

  /** The gain of an exponential average with per-step gain {@code alpha} over the steps. */
  static double gain(double alpha, double steps) {
    if (steps == 1) {
      return alpha;
    }
    return 1 - Math.pow(1 - alpha, steps);
  }

  void write(Snapshot.Writer w) {
    w.putLong(last).putDouble(logInterval).putDouble(steps);
  }

  void read(Snapshot.Reader r) {
    last = r.getLong();
    logInterval = r.getDouble();
    steps = r.getDouble();
  }
}
