package com.towerco.aiops.alerting;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Alertmanager-style inhibition at one site: while a source alert fires (its condition present),
 * new alerts of its target rules at the same site are not published as notifications (they still
 * reach correlation as evidence, and say {@code inhibited_by} in their labels). Written
 * {@code source:target,target;source:target}, e.g. the default
 * {@code mains-failure:battery-discharging;generator-failure:battery-discharging;
 * hvac-failure:high-temperature,thermal-runaway;intrusion:door-open,unscheduled-door-open}.
 */
public final class InhibitionRules {
  public static final String DEFAULT = "mains-failure:battery-discharging;"
      + "generator-failure:battery-discharging;hvac-failure:high-temperature,thermal-runaway;"
      + "intrusion:door-open,unscheduled-door-open";

  private final Map<AlertRule, Set<AlertRule>> bySource;

  private InhibitionRules(Map<AlertRule, Set<AlertRule>> bySource) {
    this.bySource = bySource;
  }

  public static InhibitionRules none() {
    return new InhibitionRules(Map.of());
  }

  /** Parses {@code source:target,target;...}; an unknown rule or a rule inhibiting itself fails. */
  public static InhibitionRules parse(String text) {
    return parse(text, false);
  }

  /**
   * Parses inhibition across a problem's sites: the same syntax, and a rule may inhibit itself
   * (its alert at another site of the problem).
   */
  public static InhibitionRules parseGroup(String text) {
    return parse(text, true);
  }

  private static InhibitionRules parse(String text, boolean selfAllowed) {
    Map<AlertRule, Set<AlertRule>> rules = new EnumMap<>(AlertRule.class);
    for (String clause : text.split(";")) {
      if (clause.isBlank()) {
        continue;
      }
      String[] parts = clause.split(":");
      if (parts.length != 2) {
        throw new IllegalArgumentException("inhibition '" + clause.trim()
            + "' is not source:target[,target]");
      }
      AlertRule source = AlertRule.byId(parts[0].trim());
      for (String t : parts[1].split(",")) {
        AlertRule target = AlertRule.byId(t.trim());
        if (target == source && !selfAllowed) {
          throw new IllegalArgumentException("inhibition: " + source.id() + " inhibits itself");
        }
        rules.computeIfAbsent(source, s -> EnumSet.noneOf(AlertRule.class)).add(target);
      }
    }
    return new InhibitionRules(rules);
  }

  /** The firing alert (condition present) at the site that inhibits {@code rule}, if any. */
  public Optional<AlertRule> inhibitorOf(AlertRule rule, Collection<ActiveAlert> siteAlerts) {
    return siteAlerts.stream().filter(a -> !a.clearing())
        .map(ActiveAlert::rule)
        .filter(source -> bySource.getOrDefault(source, Set.of()).contains(rule))
        .findFirst();
  }

  /** True if {@code source} inhibits {@code target}. */
  public boolean inhibits(AlertRule source, AlertRule target) {
    return bySource.getOrDefault(source, Set.of()).contains(target);
  }
}
