package com.towerco.notification.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher in Alertmanager's syntax: {@code name=value}, {@code name!=value},
 * {@code name=~regex} or {@code name!~regex}; the value may be double-quoted, and a regular
 * expression must match the whole label value. A label the subject lacks counts as the empty
 * string, so {@code site!=S1} matches an incident without a site. Routes, escalation policies
 * and silences are all lists of these, and all of them must match.
 */
public final class Matcher {
  private static final Pattern SYNTAX =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*");

  /** The four operators. */
  public enum Op {
    EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }
  }

  private final String name;
  private final Op op;
  private final String value;
  private final Pattern regex;

  private Matcher(String name, Op op, String value) {
    this.name = name;
    this.op = op;
    this.value = value;
    try {
      this.regex = op == Op.REGEX || op == Op.NOT_REGEX ? Pattern.compile(value) : null;
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("bad regular expression in matcher " + name + ": "
          + e.getDescription());
    }
  }

  /** Parses {@code severity=~"critical|major"} and the like. */
  @JsonCreator
  public static Matcher parse(String text) {
    if (text == null || text.length() > 300) {
      throw new IllegalArgumentException("a matcher must have 1..300 characters");
    }
    java.util.regex.Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a matcher (name=value, !=, =~, !~): " + text);
    }
    String value = m.group(3);
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
    }
    Op op = switch (m.group(2)) {
      case "=" -> Op.EQUAL;
      case "!=" -> Op.NOT_EQUAL;
      case "=~" -> Op.REGEX;
      default -> Op.NOT_REGEX;
    };
    return new Matcher(m.group(1), op, value);
  }

  public boolean matches(Map<String, String> labels) {
    String actual = labels.getOrDefault(name, "");
    return switch (op) {
      case EQUAL -> actual.equals(value);
      case NOT_EQUAL -> !actual.equals(value);
      case REGEX -> regex.matcher(actual).matches();
      case NOT_REGEX -> !regex.matcher(actual).matches();
    };
  }

  /** True when every matcher matches (an empty list matches everything). */
  public static boolean all(java.util.List<Matcher> matchers, Map<String, String> labels) {
    for (Matcher matcher : matchers) {
      if (!matcher.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public String name() {
    return name;
  }

  @JsonValue
  @Override
  public String toString() {
    return name + op.symbol + "\"" + value.replace("\"", "\\\"") + "\"";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matcher other && other.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString());
  }
}
