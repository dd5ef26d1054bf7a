package com.towerco.aiops.detection;

/**
 * Finds a sensor stuck on one value: it learns how often the series repeats its previous value
 * and flags a run of repeats that chance would practically never produce (probability below
 * {@link #RARITY}), and never fewer than {@code minRun} points. Series that are naturally
 * step-like (repeats are common) are left alone.
 */
final class Flatline {
  static final double RARITY = 1e-4;
  private static final double RATE = 0.01;
  private static final double MOSTLY_FLAT = 0.95;

  double repeatRate = 0.5;
  long seen;
  int run;
  double previous = Double.NaN;

  /** Adds a value; returns the run length that would be needed to call it flat, or infinity. */
  double add(double value, double steps, int minRun) {
    boolean repeat = !Double.isNaN(previous)
        && Math.abs(value - previous) <= 1e-12 * Math.max(1, Math.abs(value));
    double alert = alertRun(minRun);
    if (!Double.isNaN(previous)) {
      seen++;
      repeatRate += Math.max(Cadence.gain(RATE, steps), 1.0 / seen)
          * ((repeat ? 1 : 0) - repeatRate);
    }
    run = repeat ? run + 1 : 0;
    previous = value;
    return alert;
  }

  private double alertRun(int minRun) {
    if (repeatRate >= MOSTLY_FLAT) {
      return Double.POSITIVE_INFINITY;
    }
    double needed = repeatRate <= 0 ? minRun : Math.log(RARITY) / Math.log(repeatRate);
    return Math.max(minRun, needed);
  }

  void reset() {
    run = 0;
  }

  void write(Snapshot.Writer w) {
    w.putDouble(repeatRate).putLong(seen).putInt(run).putDouble(previous);
  }

  void read(Snapshot.Reader r) {
    repeatRate = r.getDouble();
    seen = r.getLong();
    run = r.getInt();
    previous = r.getDouble();
  }
}
