package com.towerco.aiops.detection;

/**
 * {@link Cadence#gain} for one per-step gain {@code alpha}, remembered for the last number of
 * steps. A regular series' points stand for the same steps every time (1 exactly at 5 minutes,
 * the same fraction at 1 Hz), so the power behind the gain is paid when the cadence changes,
 * not on every point; the value is the one {@code Cadence.gain} returns (ADR-043). Not state:
 * a restored detector starts with an empty memory and computes the same gains. It is its own
 * {@link Remembered} (one object per gain, not two: ADR-069).
 */
final class Gain extends Remembered {
  private final double alpha;

  Gain(double alpha) {
    this.alpha = alpha;
  }

  /** {@code Cadence.gain(alpha, steps)}. */
  double at(double steps) {
    if (steps == 1) {
      return alpha;
    }
    return 1 - pow(1 - alpha, steps);
  }
}
