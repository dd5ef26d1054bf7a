package com.towerco.aiops.detection;

/**
 * The sampling rhythm of a series, learned from its timestamps: the typical interval between
 * points (a geometric moving average, robust to the odd gap) and, for each new point, how many
 * steps it stands for. A step is the typical interval, but never less than {@link #RESOLUTION_MS}:
 * learning rates are per step, so a point after a gap moves the baseline more than a point
 * squeezed in between two regular ones, irregular spacing needs no resampling, and a series
 * sampled every second learns (and accumulates evidence) per minute, not per point, so its slow
 * wander is not mistaken for shifts. The typical interval itself is learned from each point's
 * interval against the typical one, not against the step, so a series sampled every second
 * settles at a second (ADR-050; before, it fell by a factor e^0.115 per point without end).
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
      if (logInterval < 0) {
        // Below 1 ms, which no learned interval can be (every interval is at least 1 ms): one
        // that collapsed before ADR-050, from a stored state. Its step was the resolution, so
        // the last point's steps tell the last interval: learning starts again from that.
        logInterval = LOG_RESOLUTION + Math.log(steps);
      }
      steps = Math.max(MIN_STEPS, Math.min(MAX_STEPS, stepsOf.exp(logDt - logStep())));
      // A single long gap or burst moves the typical interval by at most a factor e^0.05·2.3.
      logInterval += LOG_RATE * Math.max(-2.3, Math.min(2.3, logDt - logInterval));
    }
    last = timeMillis;
    return steps;
  }

  /**
   * The log of a step's length in milliseconds: the typical interval, but never less than
   * {@link #RESOLUTION_MS} (a step's length before the second point). A point stands for
   * {@link #steps} of it: {@code steps × e^logStep()} is its interval, within the step bounds.
   */
  double logStep() {
    return logInterval > LOG_RESOLUTION ? logInterval : LOG_RESOLUTION; // NaN: the resolution
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
