package com.towerco.notification.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends the alerts its matchers accept to its receivers, grouped by the values of its
 * {@code groupBy} labels. A group waits {@code groupWait} after its first alert before the first
 * notification, so the rest of a storm joins it; later changes go out at most every
 * {@code groupInterval}; an unchanged group still firing is re-sent every
 * {@code repeatInterval}. Routes are tried in order and the first that matches wins unless it
 * says {@code continue}.
 */
public record Route(
    String name,
    List<Matcher> matchers,
    List<String> receivers,
    List<String> groupBy,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    Boolean sendResolved,
    @JsonProperty("continue") Boolean continueMatching,
    Integer maxAlerts) {

  public static final List<String> DEFAULT_GROUP_BY = List.of("hub");
  public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);
  public static final int DEFAULT_MAX_ALERTS = 50;

  public Route {
    matchers = matchers == null ? List.of() : List.copyOf(matchers);
    receivers = receivers == null ? List.of() : List.copyOf(receivers);
    groupBy = groupBy == null ? DEFAULT_GROUP_BY : List.copyOf(groupBy);
    groupWait = groupWait == null ? DEFAULT_GROUP_WAIT : groupWait;
    groupInterval = groupInterval == null ? DEFAULT_GROUP_INTERVAL : groupInterval;
    repeatInterval = repeatInterval == null ? DEFAULT_REPEAT_INTERVAL : repeatInterval;
    sendResolved = sendResolved == null || sendResolved;
    continueMatching = continueMatching != null && continueMatching;
    maxAlerts = maxAlerts == null ? DEFAULT_MAX_ALERTS : maxAlerts;
    if (receivers.isEmpty()) {
      throw new IllegalArgumentException("route " + name + " has no receivers");
    }
    if (groupWait.isNegative() || !positive(groupInterval) || !positive(repeatInterval)) {
      throw new IllegalArgumentException("route " + name + ": group_wait must be >= 0, "
          + "group_interval and repeat_interval > 0");
    }
    if (maxAlerts < 1 || maxAlerts > 1000) {
      throw new IllegalArgumentException("route " + name + ": max_alerts must be 1..1000");
    }
  }

  static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  /** A route with defaults for everything but its name, matchers and receivers. */
  public static Route of(String name, List<Matcher> matchers, List<String> receivers) {
    return new Route(name, matchers, receivers, null, null, null, null, null, null, null);
  }

  public Route withName(String newName) {
    return new Route(newName, matchers, receivers, groupBy, groupWait, groupInterval,
        repeatInterval, sendResolved, continueMatching, maxAlerts);
  }

  public Route withTiming(Duration wait, Duration interval, Duration repeat) {
    return new Route(name, matchers, receivers, groupBy, wait, interval, repeat, sendResolved,
        continueMatching, maxAlerts);
  }

  public Route withGroupBy(List<String> labels) {
    return new Route(name, matchers, receivers, labels, groupWait, groupInterval,
        repeatInterval, sendResolved, continueMatching, maxAlerts);
  }

  public boolean matches(Map<String, String> labels) {
    return Matcher.all(matchers, labels);
  }

  /** The group-by label values of an alert. */
  public Map<String, String> groupLabels(Map<String, String> labels) {
    Map<String, String> values = new TreeMap<>();
    groupBy.forEach(name -> values.put(name, labels.getOrDefault(name, "")));
    return values;
  }

  /** The group's identity within the tenant: {@code route{label="value",...}}. */
  public String groupKey(Map<String, String> labels) {
    StringBuilder key = new StringBuilder(name).append('{');
    groupLabels(labels).forEach((k, v) -> key.append(key.charAt(key.length() - 1) == '{'
        ? "" : ",").append(k).append("=\"").append(v).append('"'));
    return key.append('}').toString();
  }
}
