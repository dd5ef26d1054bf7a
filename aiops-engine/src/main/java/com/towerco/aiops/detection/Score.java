package com.towerco.aiops.detection;

import java.util.Objects;

/**
 * A detector's verdict on one point: how anomalous it is ({@code score} in [0, 1], 0.5 and above
 * is anomalous), the range the detector expected the value in ({@code low}..{@code high}, NaN
 * while it has not learned enough to say), the observed value, and which detector or
 * sub-detector gave the score ({@code firedBy}, e.g. {@code adaptive/level-shift}), so a person
 * can see why. {@code learning} is true while the detector is still forming its baseline: the
 * score is then 0 and means nothing (the offline runner writes {@code learning} instead).
 *
 * <p>A value as a record is (equal by its components, printed as a record is); only the
 * expected range may be a {@link Range} that works {@code low} and {@code high} out when they are
 * asked for, from what the detector knew at this point (ADR-069): the engine asks only when an
 * alarm starts, so most points never pay for the range's logarithm and power.
 */
public final class Score {

  /** The score at and above which a point counts as anomalous. */
  public static final double ANOMALOUS = 0.5;

  /**
   * How a point's expected range is worked out: always the same {@code low} and {@code high} for
   * one point, whenever and however often asked (immutable).
   */
  interface Range {
    double low();

    double high();
  }

  /** A range known when the score is made. */
  private record Given(double low, double high) implements Range {}

  /** The range of a point with none (missing, learning): NaN..NaN. */
  private static final Range NONE = new Given(Double.NaN, Double.NaN);

  private final long timeMillis;
  private final double value;
  private final double score;
  private final double expected;
  private final Range range;
  private final String firedBy;
  private final boolean learning;

  public Score(long timeMillis, double value, double score, double expected, double low,
      double high, String firedBy, boolean learning) {
    this(timeMillis, value, score, expected, new Given(low, high), firedBy, learning);
  }

  /** A judged point. */
  public Score(long timeMillis, double value, double score, double expected, double low,
      double high, String firedBy) {
    this(timeMillis, value, score, expected, low, high, firedBy, false);
  }

  /** A judged point whose expected range {@code range} works out when asked. */
  Score(long timeMillis, double value, double score, double expected, Range range,
      String firedBy) {
    this(timeMillis, value, score, expected, range, firedBy, false);
  }

  private Score(long timeMillis, double value, double score, double expected, Range range,
      String firedBy, boolean learning) {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score outside [0, 1]: " + score);
    }
    this.timeMillis = timeMillis;
    this.value = value;
    this.score = score;
    this.expected = expected;
    this.range = range;
    this.firedBy = firedBy;
    this.learning = learning;
  }

  /** A point that tells nothing: missing, or (see {@link #learning}) seen while learning. */
  public static Score unknown(long timeMillis, double value, String firedBy) {
    return new Score(timeMillis, value, 0, Double.NaN, NONE, firedBy, false);
  }

  /** A point seen while the baseline is still being learned: no score of consequence. */
  public static Score learning(long timeMillis, double value, String firedBy) {
    return new Score(timeMillis, value, 0, Double.NaN, NONE, firedBy, true);
  }

  public long timeMillis() {
    return timeMillis;
  }

  public double value() {
    return value;
  }

  public double score() {
    return score;
  }

  public double expected() {
    return expected;
  }

  public double low() {
    return range.low();
  }

  public double high() {
    return range.high();
  }

  public String firedBy() {
    return firedBy;
  }

  public boolean learning() {
    return learning;
  }

  public boolean anomalous() {
    return score >= ANOMALOUS;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Score s && timeMillis == s.timeMillis
        && Double.compare(value, s.value) == 0 && Double.compare(score, s.score) == 0
        && Double.compare(expected, s.expected) == 0 && Double.compare(low(), s.low()) == 0
        && Double.compare(high(), s.high()) == 0 && Objects.equals(firedBy, s.firedBy)
        && learning == s.learning;
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeMillis, value, score, expected, low(), high(), firedBy, learning);
  }

  @Override
  public String toString() {
    return "Score[timeMillis=" + timeMillis + ", value=" + value + ", score=" + score
        + ", expected=" + expected + ", low=" + low() + ", high=" + high() + ", firedBy="
        + firedBy + ", learning=" + learning + "]";
  }
}
