package com.towerco.aiops.detection;

/**
 * The adaptive detector's five views of one point and their calibrated surprises: residual,
 * level shift, drift and variance each through the learned {@link Tail} of its statistic,
 * flatline through its run's improbability ({@link Flatline}), itself calibrated by a tail; the most surprising view names
 * the point.
 */
final class Views {
  static final int RESIDUAL = 0;
  static final int DRIFT = 1;
  static final int LEVEL_SHIFT = 2;
  static final int VARIANCE = 3;
  static final int FLATLINE = 4;
  private static final String[] NAMES = {"residual", "drift", "level-shift", "variance",
      "flatline"};

  private final String[] firedBy;
  private final double memory;
  private final double residualYouth;
  private Tail residual;
  private Tail shift;
  private Tail drift;
  private Tail variance;
  private Tail flat;
  private final double[] surprise = new double[NAMES.length];
  private int best;

  Views(String detector, double memory, double residualYouth) {
    this.firedBy = firedByOf(detector);
    this.memory = memory;
    this.residualYouth = residualYouth;
    reset();
  }

  void reset() {
    // Levels and priors: where each statistic's tail starts, and a frequent heavy tail assumed
    // until the series shows its own (worth 100 steps and 3 exceedances).
    // The residual tail has a youth: a series' first spikes are its own more often than
    // anomalies, and a tail capped at the alert level from the first point learns a spiky
    // series' tail so slowly that its first hundreds of points raise false alarms (measured on
    // the tuning corpora's cold-start view: ColdStart, aiops-engine README).
    residual = new Tail(3, memory, 0.02, 100, 1.0, 3, residualYouth);
    shift = new Tail(2, memory, 0.02, 100, 2.0, 3);
    drift = new Tail(3, memory, 0.01, 100, 0.3, 3);
    variance = new Tail(2.5, memory, 0.01, 100, 0.5, 3);
    flat = new Tail(2, memory, 0.02, 100, 2.0, 3);
  }

  /**
   * Judges one point: its residual in deviations, CUSUM sum, drift gap, spread, and the
   * surprise of its run of repeats were repeats independent ({@link Flatline}). The drift's
   * surprise is lowered by {@code driftHandicap}: on a series coarser than the reference step
   * the alert is per unit of time (ADR-030), but the drift gap is a slow average whose chances
   * to stray come per its memory, not per point, so it keeps the per-point alert.
   */
  void judge(double z, double cusum, double gap, double spread, double flatRun,
      boolean evidentStep, double alert, double driftHandicap) {
    surprise[RESIDUAL] = residual.surprise(z);
    surprise[DRIFT] = Math.max(0, drift.surprise(gap) - driftHandicap);
    surprise[LEVEL_SHIFT] = shift.surprise(cusum);
    if (evidentStep) { // several points far out on one side: a step, whatever the sum says
      surprise[LEVEL_SHIFT] = Math.max(surprise[LEVEL_SHIFT], surprise[RESIDUAL]);
    }
    surprise[VARIANCE] = variance.surprise(spread);
    surprise[FLATLINE] = flat.surprise(flatRun);
    pickBest(alert);
  }

  /** Raises {@code view}'s surprise to {@code s} if that is more (evidence judged elsewhere). */
  void raise(int view, double s, double alert) {
    if (s > surprise[view]) {
      surprise[view] = s;
      pickBest(alert);
    }
  }

  private void pickBest(double alert) {
    best = RESIDUAL;
    for (int v = 1; v < NAMES.length; v++) {
      // A step is seen by the residual and drift views too; the level shift names it.
      if (surprise[v] > surprise[best] || v == LEVEL_SHIFT && surprise[v] > 0
          && (surprise[v] >= surprise[best] || surprise[v] >= alert)) {
        best = v;
      }
    }
  }

  /** Learns the tails from the statistics just judged, none beyond surprise {@code cap}. */
  void learn(double z, double cusum, double gap, double spread, double flatRun, double steps,
      double cap) {
    double w = Math.min(1, steps);
    double decay = residual.decay(steps); // every tail has the same memory
    residual.learn(z, w, decay, cap);
    flat.learn(flatRun, w, decay, cap);
    shift.learn(cusum, w, decay, cap);
    drift.learn(gap, w, decay, cap);
    variance.learn(spread, w, decay, cap);
  }

  double surprise(int view) {
    return surprise[view];
  }

  /** The highest surprise of any view (the view named may be a step seen by several). */
  double best() {
    double max = 0;
    for (double s : surprise) {
      max = Math.max(max, s);
    }
    return max;
  }

  String bestName() {
    return NAMES[best];
  }

  /**
   * {@code detector + "/" + bestName()} for the detector this judges for, each made once per
   * detector name (a score names its view every point) and found without a look-up (ADR-069).
   */
  String firedBy() {
    return firedBy[best];
  }

  private static String[] firedByOf(String detector) {
    return FIRED_BY.computeIfAbsent(detector, d -> {
      String[] names = new String[NAMES.length];
      for (int i = 0; i < names.length; i++) {
        names[i] = d + "/" + NAMES[i];
      }
      return names;
    });
  }

  private static final java.util.Map<String, String[]> FIRED_BY =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The residual, in deviations, whose surprise is {@code s}. */
  double residualQuantile(double s) {
    return residual.quantile(s);
  }

  /** The residual's tail, as it stands now (for a {@link ResidualRange}). */
  Tail residualTail() {
    return residual;
  }

  void write(Snapshot.Writer w) {
    residual.write(w);
    shift.write(w);
    drift.write(w);
    variance.write(w);
    flat.write(w);
  }

  void read(Snapshot.Reader r) {
    residual.read(r);
    shift.read(r);
    drift.read(r);
    variance.read(r);
    flat.read(r);
  }
}
