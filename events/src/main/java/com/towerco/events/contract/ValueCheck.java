package com.towerco.events.contract;

import com.towerco.events.Ids;

/**
 * The constraints of one value (an id, a text length, a pattern, a range), compiled once from
 * its {@link ValueSpec}. It answers with the problem ("must be within [0.0, 100.0]") or null, so
 * the same check serves the codec, which runs it on each value as Jackson reads it, and the
 * {@link PayloadValidator}, which runs it on the fields of a record built in code.
 */
public final class ValueCheck {
  private enum Kind { ID, TEXT, PATTERN, RANGE }

  private final Kind kind;
  private final int maxLength;
  private final java.util.regex.Pattern regex;
  private final double min;
  private final double max;
  private final String problem;

  private ValueCheck(Kind kind, int maxLength, java.util.regex.Pattern regex, double min,
      double max, String problem) {
    this.kind = kind;
    this.maxLength = maxLength;
    this.regex = regex;
    this.min = min;
    this.max = max;
    this.problem = problem;
  }

  /** The check of a value, or null when its type says it all. */
  public static ValueCheck of(ValueSpec value) {
    if (value.id()) {
      return new ValueCheck(Kind.ID, 0, null, 0, 0, "must match " + Ids.PATTERN);
    }
    if (value.text() != null) {
      int max = value.text().value();
      return new ValueCheck(Kind.TEXT, max, null, 0, 0, "must have 1.." + max + " characters");
    }
    if (value.pattern() != null) {
      return new ValueCheck(Kind.PATTERN, 0,
          java.util.regex.Pattern.compile(value.pattern().value()), 0, 0,
          "must be " + value.pattern().means());
    }
    if (value.range() != null) {
      double min = value.range().min();
      double max = value.range().max();
      String bounds = value.kind() == ValueSpec.Kind.INTEGER
          ? "[" + (long) min + ", " + (long) max + "]" : "[" + min + ", " + max + "]";
      return new ValueCheck(Kind.RANGE, 0, null, min, max, "must be within " + bounds);
    }
    return null;
  }

  /** What is wrong with a non-null value (a String or a Number), or null. */
  public String problem(Object value) {
    return switch (kind) {
      case ID -> Ids.valid((String) value) ? null : problem;
      case TEXT -> {
        int length = ((String) value).length();
        yield length == 0 || length > maxLength ? problem : null;
      }
      case PATTERN -> regex.matcher((String) value).matches() ? null : problem;
      case RANGE -> problem(((Number) value).doubleValue());
    };
  }

  /** What is wrong with a number, or null. */
  public String problem(double value) {
    return value >= min && value <= max ? null : problem;
  }
}
