package com.towerco.aiops.alerting;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The operator's threshold rules: per rule ({@code high-temperature}, {@code battery-low},
 * {@code fuel-low}) its thresholds, persistence and extreme value, from settings
 * {@code aiops.rule.<rule>.on}, {@code .off}, {@code .persist}, {@code .persist-for},
 * {@code .extreme}; and how fast a metric can physically change before a reading is a sensor
 * glitch ({@code aiops.rule.sensor-fault.cabinet-c-per-min}, default 5 °C per minute plus 3 °C
 * of noise); and the inhibition rules ({@code aiops.inhibit}, see {@link InhibitionRules}).
 * Invalid values fail at start with the setting's name.
 */
public final class RulePolicies {
  private final Map<AlertRule, ThresholdPolicy> thresholds;
  private final double cabinetRatePerMinute;
  private final InhibitionRules inhibition;

  RulePolicies(Map<AlertRule, ThresholdPolicy> thresholds, double cabinetRatePerMinute,
      InhibitionRules inhibition) {
    this.thresholds = Map.copyOf(thresholds);
    this.cabinetRatePerMinute = cabinetRatePerMinute;
    this.inhibition = inhibition;
  }

  public static RulePolicies defaults() {
    Map<AlertRule, ThresholdPolicy> t = new EnumMap<>(AlertRule.class);
    t.put(AlertRule.HIGH_TEMPERATURE, new ThresholdPolicy(45, 42, 3, Duration.ofSeconds(60), 60));
    t.put(AlertRule.BATTERY_LOW, new ThresholdPolicy(30, 35, 2, Duration.ofSeconds(30), 10));
    t.put(AlertRule.FUEL_LOW, new ThresholdPolicy(0.15, 0.20, 3, Duration.ofSeconds(60), 0.05));
    return new RulePolicies(t, 5.0, InhibitionRules.parse(InhibitionRules.DEFAULT));
  }

  /** From settings (name, default) -> value; unset ones keep the defaults. */
  public static RulePolicies from(BinaryOperator<String> setting) {
    RulePolicies d = defaults();
    Map<AlertRule, ThresholdPolicy> t = new EnumMap<>(AlertRule.class);
    d.thresholds.forEach((rule, p) -> {
      String key = "aiops.rule." + rule.id() + ".";
      try {
        t.put(rule, new ThresholdPolicy(
            Double.parseDouble(setting.apply(key + "on", String.valueOf(p.on()))),
            Double.parseDouble(setting.apply(key + "off", String.valueOf(p.off()))),
            Integer.parseInt(setting.apply(key + "persist", String.valueOf(p.persist()))),
            Duration.parse(setting.apply(key + "persist-for", p.persistFor().toString())),
            Double.parseDouble(setting.apply(key + "extreme", String.valueOf(p.extreme())))));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("invalid " + key + "*: " + e.getMessage(), e);
      }
    });
    double rate = Double.parseDouble(setting.apply("aiops.rule.sensor-fault.cabinet-c-per-min",
        String.valueOf(d.cabinetRatePerMinute)));
    if (!(rate > 0)) {
      throw new IllegalArgumentException(
          "aiops.rule.sensor-fault.cabinet-c-per-min must be positive, was " + rate);
    }
    InhibitionRules inhibition;
    try {
      inhibition = InhibitionRules.parse(setting.apply("aiops.inhibit", InhibitionRules.DEFAULT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid aiops.inhibit: " + e.getMessage(), e);
    }
    return new RulePolicies(t, rate, inhibition);
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

  /** How far the cabinet temperature can move per minute before a reading is a glitch. */
  public double cabinetRatePerMinute() {
    return cabinetRatePerMinute;
  }
}
