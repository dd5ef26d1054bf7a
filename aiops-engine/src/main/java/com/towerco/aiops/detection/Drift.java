package com.towerco.aiops.detection;

/**
 * Finds a slow drift or a change of trend (fuel vanishing, a battery fading, growth that starts
 * racing): the fast baseline level is compared with a slow average of itself, and their gap with
 * the gap they usually have. A series that always grows keeps a steady gap and is fine; a flat
 * one that starts sinking opens a gap that grows until it is reported. Once reported the slow
 * average jumps to the level, so a lasting drift is reported once, not for hours.
 */
final class Drift {
  private static final double SLOW_RATE = 0.01;
  private static final double GAP_RATE = 0.002;
  private static final double MIN_GAP_SIGMAS = 0.1;

  double slow = Double.NaN;
  double gap;
  double seen;
  private final Gain slowGain = new Gain(SLOW_RATE);
  private final Gain gapGain = new Gain(GAP_RATE);

  /** The gap between {@code level} and its slow average, in usual gaps. */
  double add(double level, double steps, double sigma) {
    if (Double.isNaN(slow)) {
      slow = level;
    }
    double d = level - slow;
    double usual = Math.max(gap * 1.2533, MIN_GAP_SIGMAS * sigma);
    double z = seen < 100 ? 0 : d / usual;
    seen += Math.min(1, steps);
    slow += slowGain.at(steps) * d;
    double g = Math.max(gapGain.at(steps), Math.min(1, steps) / seen);
    gap += g * (Math.min(Math.abs(d), 3 * usual) - gap);
    return z;
  }

  void reset() {
    slow = Double.NaN;
    gap = 0;
    seen = 0;
  }

  /** The current level is the new normal. */
  void accept(double level) {
    slow = level;
  }

  void write(Snapshot.Writer w) {
    w.putDouble(slow).putDouble(gap).putDouble(seen);
  }

  void read(Snapshot.Reader r) {
    slow = r.getDouble();
    gap = r.getDouble();
    seen = r.getDouble();
  }
}
