package com.towerco.aiops.policy;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.RulePolicies;
import com.towerco.aiops.alerting.ThresholdPolicy;
import com.towerco.events.payload.aiops.AlertPolicyChanged;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * One operator policy of a threshold rule for one scope: its thresholds, persistence and the
 * severity of its alerts. {@link #of} validates a change: a rule that has thresholds, a known
 * scope with its value, values within the metric's physical range, clearing on the right side of
 * the threshold (hysteresis) and an extreme beyond it.
 */
public record RuleOverride(String changeId, AlertRule rule, PolicyScope scope, String value,
    ThresholdPolicy threshold, AlertSeverity severity, String changedBy, Instant changedAt) {

  static final Set<String> SITE_CLASSES = Set.of("hub", "site");

  /** The key a policy is stored under: a later change of the same key replaces it. */
  public String key() {
    return rule.id() + "/" + scope.id() + "/" + (value == null ? "" : value);
  }

  /** The change as validated; an invalid one throws {@link IllegalArgumentException}. */
  public static RuleOverride of(AlertPolicyChanged c) {
    AlertRule rule = AlertRule.byId(c.rule());
    if (!RulePolicies.defaults().thresholds().containsKey(rule)) {
      throw new IllegalArgumentException(rule.id() + " has no thresholds (high-temperature, "
          + "battery-low or fuel-low)");
    }
    PolicyScope scope = PolicyScope.byId(c.scope());
    String value = c.scopeValue();
    if (scope == PolicyScope.FLEET && value != null) {
      throw new IllegalArgumentException("the fleet scope takes no scope_value");
    }
    if (scope != PolicyScope.FLEET && (value == null || value.isBlank())) {
      throw new IllegalArgumentException("scope " + scope.id() + " needs a scope_value");
    }
    if (scope == PolicyScope.SITE_CLASS && !SITE_CLASSES.contains(value)) {
      throw new IllegalArgumentException("site class " + value + " is not hub or site");
    }
    double[] range = range(rule);
    for (double v : new double[] {c.on(), c.off(), c.extreme()}) {
      if (v < range[0] || v > range[1]) {
        throw new IllegalArgumentException(rule.id() + ": " + v + " is outside "
            + range[0] + ".." + range[1]);
      }
    }
    boolean high = rule == AlertRule.HIGH_TEMPERATURE;
    if (high ? c.off() >= c.on() : c.off() <= c.on()) {
      throw new IllegalArgumentException(rule.id() + ": off must be " + (high ? "below" : "above")
          + " on (hysteresis)");
    }
    if (high ? c.extreme() < c.on() : c.extreme() > c.on()) {
      throw new IllegalArgumentException(rule.id() + ": extreme must be " + (high ? "at or above"
          : "at or below") + " on");
    }
    ThresholdPolicy threshold = new ThresholdPolicy(c.on(), c.off(), c.persist(),
        Duration.ofSeconds(c.persistForS()), c.extreme());
    return new RuleOverride(c.changeId(), rule, scope, value, threshold, c.severity(),
        c.changedBy(), c.changedAt());
  }

  /** The physical range of a rule's metric. */
  private static double[] range(AlertRule rule) {
    return switch (rule) {
      case HIGH_TEMPERATURE -> new double[] {-50, 150};
      case BATTERY_LOW -> new double[] {0, 100};
      case FUEL_LOW -> new double[] {0, 1};
      default -> throw new IllegalArgumentException(rule.id() + " has no thresholds");
    };
  }
}
