package com.towerco.aiops.detection;

/**
 * Turns an evidence strength (a z-score, a CUSUM sum, a run length) into a score in [0, 1]:
 * {@code x^p / (x^p + half^p)}, 0.5 exactly at {@code half}, close to 1 at twice it, close to 0
 * at half of it. Monotone and smooth, so ranking by score ranks by evidence.
 */
final class Hill {
  private Hill() {}

  static double score(double x, double half, int power) {
    if (!(x > 0)) {
      return 0;
    }
    if (Double.isInfinite(x)) {
      return 1;
    }
    double r = x / half;
    double rp = r;
    for (int i = 1; i < power; i++) {
      rp *= r;
    }
    double s = rp / (1 + rp);
    return Double.isNaN(s) ? 1 : s;
  }
}
