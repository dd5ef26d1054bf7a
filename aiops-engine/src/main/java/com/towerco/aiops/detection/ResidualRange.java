package com.towerco.aiops.detection;

/**
 * The {@link AdaptiveDetector}'s expected range of one point, worked out when asked (ADR-069):
 * the expectation plus and minus the residual whose surprise is the alert surprise, in the
 * point's deviations. It holds what the residual's tail was at the point, so it gives the same
 * {@code low} and {@code high}, bit for bit, whenever it is asked, as the detector would have
 * worked out at once; the logarithm and the power are paid only by a point whose range is read.
 * A counter's range ({@link #of}) turns its judged increase back into a count.
 */
class ResidualRange implements Score.Range {
  private final double level;
  private final double rate;
  private final double shape;
  private final double scale;
  private final double alert;
  private final double expected;
  private final double sigma;

  private ResidualRange(Tail tail, double alert, double expected, double sigma) {
    this.level = tail.level();
    this.rate = tail.rate();
    this.shape = tail.shape();
    this.scale = tail.scale(shape);
    this.alert = alert;
    this.expected = expected;
    this.sigma = sigma;
  }

  /**
   * The range of a point judged with the residual {@code tail} as it stands now, at
   * {@code alert} surprise, around {@code expected} (of the judged series) with deviation
   * {@code sigma}; {@code rawBase} and {@code steps} turn a judged value into a raw one
   * ({@link CounterMode#raw}; a NaN base: judged values are raw).
   */
  static ResidualRange of(Tail tail, double alert, double expected, double sigma,
      double rawBase, double steps) {
    return Double.isNaN(rawBase) ? new ResidualRange(tail, alert, expected, sigma)
        : new OfCounter(tail, alert, expected, sigma, rawBase, steps);
  }

  private double half() {
    return Tail.quantile(level, rate, shape, scale, alert) * sigma;
  }

  /** The raw value of a judged one. */
  double raw(double judged) {
    return judged;
  }

  @Override
  public final double low() {
    return raw(expected - half());
  }

  @Override
  public final double high() {
    return raw(expected + half());
  }

  /** A counter's range: its judged values are increases per step after {@code rawBase}. */
  private static final class OfCounter extends ResidualRange {
    private final double rawBase;
    private final double steps;

    OfCounter(Tail tail, double alert, double expected, double sigma, double rawBase,
        double steps) {
      super(tail, alert, expected, sigma);
      this.rawBase = rawBase;
      this.steps = steps;
    }

    @Override
    double raw(double judged) {
      return CounterMode.raw(rawBase, steps, judged);
    }
  }
}
