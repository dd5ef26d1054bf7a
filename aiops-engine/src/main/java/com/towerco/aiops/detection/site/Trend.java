package com.towerco.aiops.detection.site;

import java.time.Instant;

/**
 * An exponentially forgetting least-squares line through recent (time, value) points: the
 * current value and its slope per hour, robust to irregular spacing. Immutable, so it can sit
 * inside a detector's state. Times are kept relative to the last point, in hours.
 *
 * @param lastMillis time of the last point (epoch ms), 0 before the first
 */
public record Trend(double weight, double sumT, double sumV, double sumTT, double sumTV,
    long lastMillis, int points) {

  /** A trend of no points; immutable, so one serves every site (no new one per reading). */
  private static final Trend EMPTY = new Trend(0, 0, 0, 0, 0, 0, 0);

  public static Trend empty() {
    return EMPTY;
  }

  /** Adds a point, forgetting older ones with time constant {@code tauHours}. */
  public Trend add(Instant time, double value, double tauHours) {
    long now = time.toEpochMilli();
    if (points == 0) {
      return new Trend(1, 0, value, 0, 0, now, 1);
    }
    double d = Math.max(0, (now - lastMillis) / 3_600_000.0);
    double decay = Math.exp(-d / tauHours);
    // Move the origin to the new point (t -> t - d), then decay and add it at t = 0.
    double w = weight * decay;
    double st = (sumT - d * weight) * decay;
    double stt = (sumTT - 2 * d * sumT + d * d * weight) * decay;
    double stv = (sumTV - d * sumV) * decay;
    double sv = sumV * decay;
    return new Trend(w + 1, st, sv + value, stt, stv, Math.max(now, lastMillis), points + 1);
  }

  /** Units per hour; 0 until two points span some time. */
  public double slopePerHour() {
    double det = weight * sumTT - sumT * sumT;
    if (points < 2 || det <= 1e-12) {
      return 0;
    }
    return (weight * sumTV - sumT * sumV) / det;
  }

  /** The fitted value now. */
  public double value() {
    if (weight == 0) {
      return 0;
    }
    double mean = sumV / weight;
    double meanT = sumT / weight;
    return mean - slopePerHour() * meanT;
  }
}
