package com.towerco.aiops.detection;

/**
 * Recognises a counter (a series that only grows: bytes sent, run hours, energy) from its first
 * points and then hands the detector its increase per step instead of the ever-growing value,
 * which no baseline could learn. A fall of a counter is a reset (a restart of the device): that
 * point is skipped. A series that keeps falling was no counter after all: it is handed back as
 * it is and the detector learns it again ({@link #restarted()}).
 */
final class CounterMode {
  static final int DECIDE_AFTER = 16;
  private static final int TOLERATED_FALLS = 5;
  private static final double FALL_SHARE = 0.01;

  int seen;
  int rises;
  int falls;
  boolean decided;
  boolean counter;
  double last = Double.NaN;
  double previous = Double.NaN;
  double steps = 1;
  private boolean restarted;

  /**
   * The value the detector should judge for {@code raw}: itself, or for a counter its increase
   * per step (NaN for the first point and at a reset).
   */
  double transform(double raw, double pointSteps) {
    restarted = false;
    previous = last;
    last = raw;
    steps = Math.max(Cadence.MIN_STEPS, pointSteps);
    if (Double.isNaN(previous)) {
      return counter ? Double.NaN : raw;
    }
    seen = Math.min(seen + 1, 1 << 30);
    rises += raw > previous ? 1 : 0;
    falls += raw < previous ? 1 : 0;
    if (!decided && seen >= DECIDE_AFTER - 1) {
      decided = true;
      counter = falls == 0 && rises >= 0.75 * seen;
      restarted = counter;
      falls = 0;
    } else if (counter && falls > TOLERATED_FALLS && falls > FALL_SHARE * seen) {
      counter = false;
      restarted = true;
    }
    if (!counter) {
      return raw;
    }
    return raw < previous ? Double.NaN : (raw - previous) / steps;
  }

  /** True if the last point changed how the series is judged: learn it again from there. */
  boolean restarted() {
    return restarted;
  }

  /** A value of the judged series (an increase, for a counter) as a value of the raw series. */
  double expectedRaw(double judged) {
    return raw(rawBase(), steps, judged);
  }

  /** The raw value a judged value of 0 stands for: NaN if judged values are raw values. */
  double rawBase() {
    return counter && !Double.isNaN(previous) ? previous : Double.NaN;
  }

  /** {@link #expectedRaw} with the {@link #rawBase()} and steps of a point. */
  static double raw(double base, double steps, double judged) {
    return Double.isNaN(base) ? judged : base + judged * steps;
  }

  void write(Snapshot.Writer w) {
    w.putInt(seen).putInt(rises).putInt(falls).putBoolean(decided).putBoolean(counter)
        .putDouble(last).putDouble(previous).putDouble(steps);
  }

  void read(Snapshot.Reader r) {
    seen = r.getInt();
    rises = r.getInt();
    falls = r.getInt();
    decided = r.getBoolean();
    counter = r.getBoolean();
    last = r.getDouble();
    previous = r.getDouble();
    steps = r.getDouble();
  }
}
