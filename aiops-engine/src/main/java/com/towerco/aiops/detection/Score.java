package com.towerco.aiops.detection;

/**
 * A detector's verdict on one point: how anomalous it is ({@code score} in [0, 1], 0.5 and above
 * is anomalous), the range the detector expected the value in ({@code low}..{@code high}, NaN
 * while it has not learned enough to say), the observed value, and which detector or
 * sub-detector gave the score ({@code firedBy}, e.g. {@code adaptive/level-shift}), so a person
 * can see why. {@code learning} is true while the detector is still forming its baseline: the
 * score is then 0 and means nothing (the offline runner writes {@code learning} instead).
 */
public record Score(long timeMillis, double value, double score, double expected, double low,
    double high, String firedBy, boolean learning) {

  /** The score at and above which a point counts as anomalous. */
  public static final double ANOMALOUS = 0.5;

  public Score {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score outside [0, 1]: " + score);
    }
  }

  /** A judged point. */
  public Score(long timeMillis, double value, double score, double expected, double low,
      double high, String firedBy) {
    this(timeMillis, value, score, expected, low, high, firedBy, false);
  }

  /** A point that tells nothing: missing, or (see {@link #learning}) seen while learning. */
  public static Score unknown(long timeMillis, double value, String firedBy) {
    return new Score(timeMillis, value, 0, Double.NaN, Double.NaN, Double.NaN, firedBy, false);
  }

  /** A point seen while the baseline is still being learned: no score of consequence. */
  public static Score learning(long timeMillis, double value, String firedBy) {
    return new Score(timeMillis, value, 0, Double.NaN, Double.NaN, Double.NaN, firedBy, true);
  }

  public boolean anomalous() {
    return score >= ANOMALOUS;
  }
}
