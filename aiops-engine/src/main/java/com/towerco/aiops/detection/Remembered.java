package com.towerco.aiops.detection;

/**
 * The last result of a pure function of doubles ({@link Math#pow}, {@link Math#exp},
 * {@link Math#log}) with the arguments it was computed for: a detector's per-point learning rates
 * depend on its cadence, which repeats from point to point, so each is computed when its
 * arguments change and is otherwise the remembered result, the very value the function returns
 * for them (ADR-043). Arguments are the same when their bits are. Not state: nothing of it is
 * saved, and a restored detector computes the same values again.
 */
class Remembered {
  private static final int POW = 1;
  private static final int EXP = 2;
  private static final int LOG = 3;
  /** Which function {@link #result} is of (0: none yet), so one instance never mixes them up. */
  private int function;
  private long x;
  private long y;
  private double result = Double.NaN;

  /** {@code Math.pow(base, exponent)}. */
  double pow(double base, double exponent) {
    return same(POW, base, exponent) ? result : keep(Math.pow(base, exponent));
  }

  /** {@code Math.exp(a)}. */
  double exp(double a) {
    return same(EXP, a, 0) ? result : keep(Math.exp(a));
  }

  /** {@code Math.log(a)}. */
  double log(double a) {
    return same(LOG, a, 0) ? result : keep(Math.log(a));
  }

  /** Whether {@link #result} is {@code function} of these arguments; if not, they are now its. */
  private boolean same(int function, double a, double b) {
    long aBits = Double.doubleToRawLongBits(a);
    long bBits = Double.doubleToRawLongBits(b);
    if (function == this.function && aBits == x && bBits == y) {
      return true;
    }
    this.function = function;
    x = aBits;
    y = bBits;
    return false;
  }

  private double keep(double value) {
    result = value;
    return value;
  }
}
