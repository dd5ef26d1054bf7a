package com.towerco.ops;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, enough for the expressions of our rules and
 * dashboards: label matchers, grouping clauses, ranges and strings are removed, then every
 * identifier that is not a function call, keyword or number is a metric name.
 */
final class PromQl {
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without",
      "on", "ignoring", "group_left", "group_right", "offset", "bool", "inf", "nan");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern GROUPING = Pattern.compile(
      "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
  private static final Pattern IDENTIFIER = Pattern.compile(
      "(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?");

  private PromQl() {}

  static Set<String> metricNames(String expr) {
    String s = STRING.matcher(expr).replaceAll("\"\"");
    s = MATCHERS.matcher(s).replaceAll(" ");
    s = GROUPING.matcher(s).replaceAll(" ");
    s = RANGE.matcher(s).replaceAll(" ");
    s = s.replaceAll("\\b\\d+(\\.\\d+)?([eE][-+]?\\d+)?[smhdwy]?\\b", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      if (m.group(2) == null && !KEYWORDS.contains(m.group(1).toLowerCase())) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static final Pattern LABEL_VALUES = Pattern.compile(
      "label_values\\((\\w+)(\\{[^}]*})?,\\s*(\\w+)\\)");

  /**
   * The PromQL inside a Grafana query: a variable's {@code label_values(metric{...}, label)}
   * is the selector {@code metric{...}}; anything else is PromQL already.
   */
  static String promQlOf(String grafanaQuery) {
    Matcher m = LABEL_VALUES.matcher(grafanaQuery.strip());
    return m.matches() ? m.group(1) + (m.group(2) == null ? "" : m.group(2)) : grafanaQuery;
  }

  /** Grafana's variables replaced by values PromQL accepts, to check an expression's syntax. */
  static String withoutGrafanaVariables(String expr) {
    return expr.replace("$__rate_interval", "5m").replace("$__interval", "1m")
        .replaceAll("\\$\\w+", "x");
  }
}
