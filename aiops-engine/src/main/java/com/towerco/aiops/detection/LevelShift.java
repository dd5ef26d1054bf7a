package com.towerco.aiops.detection;

/**
 * A two-sided CUSUM on standardised residuals: small deviations that persist add up until the
 * sum crosses its threshold, which finds level shifts and the start of a trend long before any
 * single point looks odd. Each residual counts at most a few deviations, so a lone spike does
 * not make a shift. The mean value of the current excursion (and its mean with the daily
 * profile taken out) is the new level, so the baseline can jump to it instead of crawling.
 */
final class LevelShift {
  private static final double Z_LIMIT = 4;
  /** Points in a row beyond the limit on one side that make a step evident at once. */
  private static final int EVIDENT_RUN = 3;

  double upper;
  double lower;
  /** Consecutive points beyond the limit, positive above, negative below. */
  int beyond;
  private final Excursion up = new Excursion();
  private final Excursion down = new Excursion();

  /**
   * Adds a point ({@code z}: its residual in deviations; {@code value}, and {@code deseasonalised}
   * the value less the daily profile; {@code steps} it stands for); returns the larger sum.
   */
  double add(double z, double value, double deseasonalised, double slack, double steps) {
    double zc = Math.max(-Z_LIMIT, Math.min(Z_LIMIT, z));
    beyond = z >= Z_LIMIT ? Math.max(1, beyond + 1) : z <= -Z_LIMIT ? Math.min(-1, beyond - 1)
        : 0;
    // Evidence accumulates per step: points faster than a step count for a fraction of one.
    double weight = Math.min(1, steps);
    upper = Math.max(0, upper + weight * (zc - slack));
    lower = Math.max(0, lower - weight * (zc + slack));
    up.add(upper > 0, value, deseasonalised);
    down.add(lower > 0, value, deseasonalised);
    return Math.max(upper, lower);
  }

  /**
   * True once several points in a row lie far beyond the expected range on one side: a step
   * too large to wait for the sum's evidence, so the baseline should take the new level now.
   */
  boolean evident() {
    return Math.abs(beyond) >= EVIDENT_RUN;
  }

  /** The mean value of the excursion that is furthest along. */
  double level() {
    return (upper >= lower ? up : down).meanValue();
  }

  /** The mean deseasonalised value of the excursion that is furthest along. */
  double deseasonalisedLevel() {
    return (upper >= lower ? up : down).meanDeseasonalised();
  }

  void reset() {
    upper = 0;
    lower = 0;
    beyond = 0;
    up.add(false, 0, 0);
    down.add(false, 0, 0);
  }

  void write(Snapshot.Writer w) {
    w.putDouble(upper).putDouble(lower).putInt(beyond);
    up.write(w);
    down.write(w);
  }

  void read(Snapshot.Reader r) {
    upper = r.getDouble();
    lower = r.getDouble();
    beyond = r.getInt();
    up.read(r);
    down.read(r);
  }

  /** The points of one excursion of the sum above zero. */
  private static final class Excursion {
    double values;
    double deseasonalised;
    int points;

    void add(boolean open, double value, double deseasonalisedValue) {
      if (open) {
        values += value;
        deseasonalised += deseasonalisedValue;
        points++;
      } else {
        values = 0;
        deseasonalised = 0;
        points = 0;
      }
    }

    double meanValue() {
      return points == 0 ? Double.NaN : values / points;
    }

    double meanDeseasonalised() {
      return points == 0 ? Double.NaN : deseasonalised / points;
    }

    void write(Snapshot.Writer w) {
      w.putDouble(values).putDouble(deseasonalised).putInt(points);
    }

    void read(Snapshot.Reader r) {
      values = r.getDouble();
      deseasonalised = r.getDouble();
      points = r.getInt();
    }
  }
}
