package com.towerco.events;

/**
 * A JSON number's text as a double, for the plain case of a few significant digits and a small
 * exponent, which is every reading a sensor writes ({@code 53.42}, {@code -3.1}, {@code 0.25}):
 * its digits {@code w} (at most 2^53) and its power of ten {@code e} (|e| at most 22) are both
 * exact doubles, so {@code w * 10^e} or {@code w / 10^e} is one correctly rounded operation and
 * is the correctly rounded value of the text, the very double {@link Double#parseDouble} (and
 * Jackson's own parsers) return for it (Clinger's fast path, 1990). Anything else (more digits, a
 * larger exponent, any other character) is {@link Double#NaN}: not handled here, for the general
 * parser. NaN is never a JSON number, so it cannot be mistaken for a result.
 */
final class ExactDecimal {
  /** The powers of ten a double holds exactly. */
  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  private static final int MAX_EXACT_POWER = POWERS_OF_TEN.length - 1;
  private static final long MAX_EXACT_DIGITS = 1L << 53;
  /** Significant digits that always fit a long (then checked against 2^53). */
  private static final int MAX_DIGITS = 18;
  /** Exponent digits read at most; a longer exponent is never in the fast path. */
  private static final int MAX_EXPONENT_DIGITS = 4;

  private ExactDecimal() {}

  /** {@code text[offset, offset + length)} as a double, or NaN if not in the fast path. */
  static double parse(char[] text, int offset, int length) {
    int i = offset;
    int end = offset + length;
    boolean negative = i < end && text[i] == '-';
    if (negative) {
      i++;
    }
    long digits = 0;
    int significant = 0;
    int fractionDigits = 0;
    boolean anyDigit = false;
    boolean fraction = false;
    for (; i < end; i++) {
      char c = text[i];
      if (c >= '0' && c <= '9') {
        anyDigit = true;
        if (digits != 0 || c != '0') {
          if (++significant > MAX_DIGITS) {
            return Double.NaN;
          }
          digits = digits * 10 + (c - '0');
        }
        if (fraction) {
          fractionDigits++;
        }
      } else if (c == '.' && !fraction) {
        fraction = true;
      } else {
        break;
      }
    }
    if (!anyDigit) {
      return Double.NaN;
    }
    int exponent = 0;
    if (i < end) {
      char e = text[i++];
      if (e != 'e' && e != 'E') {
        return Double.NaN;
      }
      boolean negativeExponent = false;
      if (i < end && (text[i] == '-' || text[i] == '+')) {
        negativeExponent = text[i++] == '-';
      }
      int exponentDigits = 0;
      for (; i < end; i++) {
        char c = text[i];
        if (c < '0' || c > '9' || ++exponentDigits > MAX_EXPONENT_DIGITS) {
          return Double.NaN;
        }
        exponent = exponent * 10 + (c - '0');
      }
      if (exponentDigits == 0) {
        return Double.NaN;
      }
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    if (digits > MAX_EXACT_DIGITS) {
      return Double.NaN;
    }
    int power = exponent - fractionDigits;
    double value;
    if (power >= 0 && power <= MAX_EXACT_POWER) {
      value = (double) digits * POWERS_OF_TEN[power];
    } else if (power < 0 && power >= -MAX_EXACT_POWER) {
      value = (double) digits / POWERS_OF_TEN[-power];
    } else {
      return Double.NaN;
    }
    return negative ? -value : value;
  }
}
