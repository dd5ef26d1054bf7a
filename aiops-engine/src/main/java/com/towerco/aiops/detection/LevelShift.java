package com.towerco.aiops.detection;

/**
 * A two-sided CUSUM on standardised residuals: small deviations that persist add up until the
 * sum crosses its threshold, which finds level shifts and the start of a trend long before any
 * single point looks odd. Each residual counts at most a few deviations, so a lone spike does
 * not make a shift. The mean residual of the current excursion estimates the size of the shift,
 * so the baseline can jump to the new level instead of crawling towards it.
 */
final class LevelShift {
  private static final double Z_LIMIT = 4;

  double upper;
  double lower;
  double upperSum;
  int upperPoints;
  double lowerSum;
  int lowerPoints;

  /** Adds a residual ({@code z} deviations, {@code residual} in units); returns the larger sum. */
  double add(double z, double residual, double slack) {
    double zc = Math.max(-Z_LIMIT, Math.min(Z_LIMIT, z));
    upper = Math.max(0, upper + zc - slack);
    lower = Math.max(0, lower - zc - slack);
    if (upper > 0) {
      upperSum += residual;
      upperPoints++;
    } else {
      upperSum = 0;
      upperPoints = 0;
    }
    if (lower > 0) {
      lowerSum += residual;
      lowerPoints++;
    } else {
      lowerSum = 0;
      lowerPoints = 0;
    }
    return Math.max(upper, lower);
  }

  /** The estimated shift of the excursion that is furthest along. */
  double shift() {
    if (upper >= lower) {
      return upperPoints == 0 ? 0 : upperSum / upperPoints;
    }
    return lowerPoints == 0 ? 0 : lowerSum / lowerPoints;
  }

  void reset() {
    upper = 0;
    lower = 0;
    upperSum = 0;
    lowerSum = 0;
    upperPoints = 0;
    lowerPoints = 0;
  }

  void write(Snapshot.Writer w) {
    w.putDouble(upper).putDouble(lower).putDouble(upperSum).putInt(upperPoints)
        .putDouble(lowerSum).putInt(lowerPoints);
  }

  void read(Snapshot.Reader r) {
    upper = r.getDouble();
    lower = r.getDouble();
    upperSum = r.getDouble();
    upperPoints = r.getInt();
    lowerSum = r.getDouble();
    lowerPoints = r.getInt();
  }
}
