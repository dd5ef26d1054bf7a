package com.towerco.aiops.detection;

/**
 * The last result of a pure function of doubles ({@link Math#pow}, {@link Math#exp},
 * {@link Math#log}) with the arguments it was computed for: a detector's per-point learning rates
 * depend on its cadence, which repeats from point to point, so each is computed when its
 * arguments change and is otherwise the remembered result, the very value the function returns
 * for them (ADR-043). Arguments are the same when their bits are. Not state: nothing of it is
 * saved, and a restored detector computes the same values again.
 */
final class Remembered {
  private long x = Double.doubleToRawLongBits(Double.NaN);
  private long y = x;
  private double result = Double.NaN;

  /** {@code Math.pow(base, exponent)}. */
  double pow(double base, double exponent) {
    long b = Double.doubleToRawLongBits(base);
    long e = Double.doubleToRawLongBits(exponent);
    if (b != x || e != y) {
      result = Math.pow(base, exponent);
      x = b;
      y = e;
    }
    return result;
  }

  /** {@code Math.exp(a)}. */
  double exp(double a) {
    long bits = Double.doubleToRawLongBits(a);
    if (bits != x) {
      result = Math.exp(a);
      x = bits;
    }
    return result;
  }

  /** {@code Math.log(a)}. */
  double log(double a) {
    long bits = Double.doubleToRawLongBits(a);
    if (bits != x) {
      result = Math.log(a);
      x = bits;
    }
    return result;
  }
}
