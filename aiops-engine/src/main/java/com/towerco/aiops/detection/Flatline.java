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
  /** The same run in points. */
  long points;
  double previous = Double.NaN;
  private final Gain gain = new Gain(RATE);

  /**
   * Adds a value; returns the improbability ({@code -log10}) of the current run of repeated
   * points were repeats independent, 0 while the run is shorter than {@code minRun} steps.
   */
  double add(double value, double steps, int minRun) {
    boolean repeat = !Double.isNaN(previous)
        && Math.abs(value - previous) <= 1e-12 * Math.max(1, Math.abs(value));
    double rate = repeatRate; // before this point: what a run's repeats are judged by
    boolean flatByNature = rate >= MOSTLY_FLAT;
    if (!Double.isNaN(previous)) {
      seen++;
      repeatRate += Math.max(gain.at(steps), 1.0 / seen)
          * ((repeat ? 1 : 0) - repeatRate);
    }
    run = repeat ? run + Math.min(1, steps) : 0;
    points = repeat ? points + 1 : 0;
    previous = value;
    // The surprise of a repeat is only worked out for a run long enough to be judged.
    return flatByNature || run < minRun ? 0 : points * -Math.log10(Math.max(LEAST_RATE, rate));
  }

  void reset() {
    run = 0;
    points = 0;
  }

  void write(Snapshot.Writer w) {
    w.putDouble(repeatRate).putLong(seen).putDouble(run).putLong(points).putDouble(previous);
  }

  void read(Snapshot.Reader r) {
    repeatRate = r.getDouble();
    seen = r.getLong();
    run = r.getDouble();
    points = r.getLong();
    previous = r.getDouble();
  }
}
