package com.towerco.aiops.alerting;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The operator's threshold rules: per rule ({@code high-temperature}, {@code battery-low},
 * {@code fuel-low}) its thresholds, persistence and extreme value (settings
 * {@code aiops.rule.<rule>.on}, {@code .off}, {@code .persist}, {@code .persist-for},
 * {@code .extreme}); how fast a metric can physically change before a reading is a sensor
 * glitch ({@code aiops.rule.sensor-fault.cabinet-c-per-min}, default 5 °C per minute plus 3 °C
 * of noise); the inhibition rules at a site ({@code aiops.inhibit}, see {@link InhibitionRules});
 * and which alerts notify ({@code aiops.inhibit-group}, {@code aiops.evidence-only},
 * {@code aiops.notify-once-per-problem}, see {@link NotificationPolicy}).
 * The settings are declared, with their bounds, in {@code com.towerco.aiops.stream.RuleSettings}:
 * invalid values are refused by {@code config check} and at start with the setting's name.
 */
public final class RulePolicies {
  private final Map<AlertRule, ThresholdPolicy> thresholds;
  private final double cabinetRatePerMinute;
  private final InhibitionRules inhibition;
  private final NotificationPolicy notification;
  private final Map<AlertRule, com.towerco.events.payload.alert.AlertSeverity> severities;

  /** With the default notification policy. */
  public RulePolicies(Map<AlertRule, ThresholdPolicy> thresholds, double cabinetRatePerMinute,
      InhibitionRules inhibition) {
    this(thresholds, cabinetRatePerMinute, inhibition, NotificationPolicy.defaults());
  }

  public RulePolicies(Map<AlertRule, ThresholdPolicy> thresholds, double cabinetRatePerMinute,
      InhibitionRules inhibition, NotificationPolicy notification) {
    if (!(cabinetRatePerMinute > 0)) {
      throw new IllegalArgumentException(
          "the cabinet rate must be positive, was " + cabinetRatePerMinute);
    }
    this.thresholds = Map.copyOf(thresholds);
    this.cabinetRatePerMinute = cabinetRatePerMinute;
    this.inhibition = inhibition;
    this.notification = notification;
    this.severities = Map.of();
  }

  private RulePolicies(RulePolicies base, Map<AlertRule, ThresholdPolicy> thresholds,
      Map<AlertRule, com.towerco.events.payload.alert.AlertSeverity> severities) {
    this.thresholds = Map.copyOf(thresholds);
    this.cabinetRatePerMinute = base.cabinetRatePerMinute;
    this.inhibition = base.inhibition;
    this.notification = base.notification;
    this.severities = Map.copyOf(severities);
  }

  /** These policies with {@code rule}'s threshold and the severity of its alerts replaced. */
  public RulePolicies with(AlertRule rule, ThresholdPolicy threshold,
      com.towerco.events.payload.alert.AlertSeverity severity) {
    threshold(rule); // a threshold rule only
    Map<AlertRule, ThresholdPolicy> t = new EnumMap<>(thresholds);
    t.put(rule, threshold);
    Map<AlertRule, com.towerco.events.payload.alert.AlertSeverity> s =
        new EnumMap<>(AlertRule.class);
    s.putAll(severities);
    s.put(rule, severity);
    return new RulePolicies(this, t, s);
  }

  /** The severity of {@code rule}'s alerts: the operator's, else the rule's default. */
  public com.towerco.events.payload.alert.AlertSeverity severity(AlertRule rule) {
    return severities.getOrDefault(rule, rule.defaultSeverity());
  }

  public static RulePolicies defaults() {
    Map<AlertRule, ThresholdPolicy> t = new EnumMap<>(AlertRule.class);
    t.put(AlertRule.HIGH_TEMPERATURE, new ThresholdPolicy(45, 42, 3, Duration.ofSeconds(60), 60));
    t.put(AlertRule.BATTERY_LOW, new ThresholdPolicy(30, 35, 2, Duration.ofSeconds(30), 10));
    t.put(AlertRule.FUEL_LOW, new ThresholdPolicy(0.15, 0.20, 3, Duration.ofSeconds(60), 0.05));
    return new RulePolicies(t, 5.0, InhibitionRules.parse(InhibitionRules.DEFAULT));
  }

  /** The threshold policy of each threshold rule. */
  public Map<AlertRule, ThresholdPolicy> thresholds() {
    return thresholds;
  }

  public ThresholdPolicy threshold(AlertRule rule) {
    ThresholdPolicy p = thresholds.get(rule);
    if (p == null) {
      throw new IllegalArgumentException(rule.id() + " is not a threshold rule");
    }
    return p;
  }

  /** Which alerts a firing alert at the same site keeps from being published. */
  public InhibitionRules inhibition() {
    return inhibition;
  }

  /** Which alerts notify and which are evidence on their problem only. */
  public NotificationPolicy notification() {
    return notification;
  }

  /** How far the cabinet temperature can move per minute before a reading is a glitch. */
  public double cabinetRatePerMinute() {
    return cabinetRatePerMinute;
  }
}
