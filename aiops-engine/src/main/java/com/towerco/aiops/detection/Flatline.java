package com.towerco.aiops.detection;

/**
 * Finds a sensor stuck on one value: it learns how often the series repeats its previous value
 * and measures a run of repeats by its surprise, {@code -log10} of the chance of that many
 * repeats in a row, counting only runs of at least {@code minRun} steps. Series that are
 * naturally step-like (repeats are common) are left alone.
 */
final class Flatline {
  private static final double RATE = 0.01;
  private static final double LEAST_RATE = 1e-3;
  private static final double MOSTLY_FLAT = 0.95;

  double repeatRate = 0.5;
  long seen;
  /** The current run of repeats, in steps (a point faster than a step adds a fraction). */
  double run;
  double previous = Double.NaN;

  /** Adds a value; returns the surprise of the current run of repeats (0 below minRun). */
  double add(double value, double steps, int minRun) {
    boolean repeat = !Double.isNaN(previous)
        && Math.abs(value - previous) <= 1e-12 * Math.max(1, Math.abs(value));
    double perRepeat = -Math.log10(Math.max(LEAST_RATE, repeatRate));
    boolean flatByNature = repeatRate >= MOSTLY_FLAT;
    if (!Double.isNaN(previous)) {
      seen++;
      repeatRate += Math.max(Cadence.gain(RATE, steps), 1.0 / seen)
          * ((repeat ? 1 : 0) - repeatRate);
    }
    run = repeat ? run + Math.min(1, steps) : 0;
    previous = value;
    return flatByNature || run < minRun ? 0 : run * perRepeat;
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
