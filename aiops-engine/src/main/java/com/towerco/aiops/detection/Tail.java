package com.towerco.aiops.detection;

/**
 * The learned upper tail of one evidence statistic (a residual in deviations, a CUSUM sum, a
 * variance ratio), turning a value into a calibrated surprise: {@code -log10} of the probability
 * of seeing at least that much on this series. Peaks over a threshold, as in streaming
 * extreme-value detectors such as SPOT: how often the statistic exceeds {@code level}, and the
 * mean and spread of the excesses (all exponentially weighted), fit a generalised Pareto tail
 * {@code P(X >= level + y) = rate * (1 + shape * y / scale)^(-1 / shape)} by the method of
 * moments, its shape kept between 0 (an exponential tail) and 0.1 (a little heavier).
 * Conservative priors (a frequent, heavy tail) keep a new series quiet until its own tail is
 * known; a series that is spiky or sparse by nature learns a heavy tail and needs a bigger
 * excursion to surprise. A learned tail is taught at most up to the alert level by any value
 * (an anomaly must not teach it that anomalies are normal); a tail may be given a youth, the
 * steps during which it learns every excess as it is (up to 20 mean excesses), because until
 * it has seen that much of the series it cannot tell the series' own spikes from anomalies.
 */
final class Tail {
  private static final double LN10 = Math.log(10);
  private static final double MAX_SHAPE = 0.1;

  private final double level;
  private final double keep;
  private final double priorRate;
  private final double priorExcess;
  private final double priorWeight;
  private final double priorExceedances;
  private final double youth;

  double weight;
  double exceedances;
  double excesses;
  double squares;
  private final Remembered forgetting = new Remembered();

  /**
   * @param level       threshold above which the tail is modelled
   * @param memorySteps how many steps the tail remembers (exponential forgetting)
   * @param priorRate   assumed exceedance rate before any data, worth {@code priorWeight} steps
   * @param priorExcess assumed mean excess, worth {@code priorExceedances} exceedances
   * @param youthSteps  while the tail has learned from fewer steps than this (its exponentially
   *                    weighted count), no value is capped at the alert level; 0: never young
   */
  Tail(double level, double memorySteps, double priorRate, double priorWeight,
      double priorExcess, double priorExceedances, double youthSteps) {
    this.level = level;
    this.keep = 1 - 1 / memorySteps;
    this.priorRate = priorRate;
    this.priorWeight = priorWeight;
    this.priorExcess = priorExcess;
    this.priorExceedances = priorExceedances;
    this.youth = youthSteps;
  }

  Tail(double level, double memorySteps, double priorRate, double priorWeight,
      double priorExcess, double priorExceedances) {
    this(level, memorySteps, priorRate, priorWeight, priorExcess, priorExceedances, 0);
  }

  /** True while the tail has learned from fewer steps than its youth. */
  boolean young() {
    return weight < youth;
  }

  /** {@code -log10 P(X >= x)}, 0 at or below the threshold. */
  double surprise(double x) {
    if (!(x > level)) {
      return 0;
    }
    if (Double.isInfinite(x)) {
      return Double.POSITIVE_INFINITY;
    }
    double shape = shape();
    double scale = scale(shape);
    double y = x - level;
    double tail = shape < 1e-6 ? y / (scale * LN10)
        : Math.log10(1 + shape * y / scale) / shape;
    return -Math.log10(rate()) + tail;
  }

  /** The value whose surprise is {@code s} (inverse of {@link #surprise}). */
  double quantile(double s) {
    double shape = shape();
    return quantile(level, rate(), shape, scale(shape), s);
  }

  /**
   * The value whose surprise is {@code s} on a tail above {@code level} with these
   * {@link #rate()}, {@link #shape()} and {@link #scale}: {@link #quantile(double)} of a tail as
   * it stood when they were read ({@link ResidualRange}).
   */
  static double quantile(double level, double rate, double shape, double scale, double s) {
    double tail = Math.max(0, s + Math.log10(rate));
    return level + (shape < 1e-6 ? tail * scale * LN10
        : scale * (Math.pow(10, shape * tail) - 1) / shape);
  }

  double level() {
    return level;
  }

  /** The shape by the method of moments, {@code (1 - mean^2 / variance) / 2}, within bounds. */
  double shape() {
    double mean = excess();
    double variance = secondMoment() - mean * mean;
    if (!(variance > 0)) {
      return 0;
    }
    return Math.max(0, Math.min(MAX_SHAPE, 0.5 * (1 - mean * mean / variance)));
  }

  double scale(double shape) {
    return excess() * (1 - shape);
  }

  private double secondMoment() {
    double prior = 2 * priorExcess * priorExcess; // an exponential tail's
    return (squares + prior * priorExceedances) / (exceedances + priorExceedances);
  }

  double rate() {
    return (exceedances + priorRate * priorWeight) / (weight + priorWeight);
  }

  double excess() {
    return (excesses + priorExcess * priorExceedances) / (exceedances + priorExceedances);
  }

  /** The forgetting over {@code steps} steps, to share between tails of one memory. */
  double decay(double steps) {
    return steps == 1 ? keep : forgetting.pow(keep, Math.min(steps, 1e6));
  }

  /**
   * Learns from {@code x} with weight {@code w} (a point standing for less than a step counts
   * for less) after forgetting by {@code decay}, but at most as much as a value of surprise
   * {@code cap}: an anomaly does not teach the tail that anomalies that large are normal. A
   * {@link #young()} tail is not capped: what it has seen does not yet say what is anomalous.
   */
  void learn(double x, double w, double decay, double cap) {
    if (x > level && !young()) {
      x = Math.min(x, quantile(cap));
    }
    weight = weight * decay + w;
    exceedances *= decay;
    excesses *= decay;
    squares *= decay;
    if (x > level) {
      exceedances += w;
      // One huge excursion must not teach the tail that huge is normal.
      double y = Math.min(x - level, 20 * excess());
      excesses += w * y;
      squares += w * y * y;
    }
  }

  void write(Snapshot.Writer w) {
    w.putDouble(weight).putDouble(exceedances).putDouble(excesses).putDouble(squares);
  }

  void read(Snapshot.Reader r) {
    weight = r.getDouble();
    exceedances = r.getDouble();
    excesses = r.getDouble();
    squares = r.getDouble();
  }
}
