package com.towerco.notification.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Who is told about an incident its matchers accept, and when, until someone acknowledges it:
 * level 1's receivers {@code after} its delay from the incident's opening, then level 2's after
 * theirs, and so on. Delays count from the opening, so they must increase.
 */
public record EscalationPolicy(String name, List<Matcher> matchers, List<Level> levels) {

  /** One level: how long after the opening, and whom to notify. */
  public record Level(Duration after, List<String> receivers) {
    public Level {
      if (after == null || after.isNegative()) {
        throw new IllegalArgumentException("an escalation level needs after >= 0");
      }
      receivers = receivers == null ? List.of() : List.copyOf(receivers);
      if (receivers.isEmpty()) {
        throw new IllegalArgumentException("an escalation level needs receivers");
      }
    }
  }

  public EscalationPolicy {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("an escalation policy needs a name of 1..100 chars");
    }
    matchers = matchers == null ? List.of() : List.copyOf(matchers);
    levels = levels == null ? List.of() : List.copyOf(levels);
    if (levels.isEmpty() || levels.size() > 100) {
      throw new IllegalArgumentException("escalation policy " + name + " needs 1..100 levels");
    }
    for (int i = 1; i < levels.size(); i++) {
      if (levels.get(i).after().compareTo(levels.get(i - 1).after()) < 0) {
        throw new IllegalArgumentException("escalation policy " + name
            + ": level delays must not decrease");
      }
    }
  }

  public boolean matches(Map<String, String> labels) {
    return Matcher.all(matchers, labels);
  }
}
