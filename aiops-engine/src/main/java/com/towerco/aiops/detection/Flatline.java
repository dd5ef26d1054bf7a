package com.towerco.aiops.detection;

/**
 * Finds a sensor stuck on one value: it learns how often the series repeats its previous value
 * and flags a run of repeats that chance would practically never produce (probability below
 * {@link #RARITY}), and never shorter than {@code minRun} steps. Series that are naturally
 * step-like (repeats are common) are left alone.
 */
final class Flatline {
  static final double RARITY = 1e-4;
  private static final double RATE = 0.01;
  private static final double MOSTLY_FLAT = 0.95;

  double repeatRate = 0.5;
  long seen;
  /** The current run of repeats, in steps (a point faster than a step adds a fraction). */
  double run;
  double previous = Double.NaN;

  /**
   * Adds a value; returns the run (in steps) that would be needed to call it flat, or infinity.
   */
  double add(double value, double steps, int minRun) {
    boolean repeat = !Double.isNaN(previous)
        && Math.abs(value - previous) <= 1e-12 * Math.max(1, Math.abs(value));
    double alert = alertRun(minRun, steps);
    if (!Double.isNaN(previous)) {
      seen++;
      repeatRate += Math.max(Cadence.gain(RATE, steps), 1.0 / seen)
          * ((repeat ? 1 : 0) - repeatRate);
    }
    run = repeat ? run + Math.min(1, steps) : 0;
    previous = value;
    return alert;
  }

  private double alertRun(int minRun, double steps) {
    if (repeatRate >= MOSTLY_FLAT) {
      return Double.POSITIVE_INFINITY;
    }
    double points = repeatRate <= 0 ? minRun : Math.log(RARITY) / Math.log(repeatRate);
    return Math.max(minRun, points * Math.min(1, steps));
  }

  void reset() {
    run = 0;
  }

  void write(Snapshot.Writer w) {
    w.putDouble(repeatRate).putLong(seen).putDouble(run).putDouble(previous);
  }

  void read(Snapshot.Reader r) {
    repeatRate = r.getDouble();
    seen = r.getLong();
    run = r.getDouble();
    previous = r.getDouble();
  }
}
