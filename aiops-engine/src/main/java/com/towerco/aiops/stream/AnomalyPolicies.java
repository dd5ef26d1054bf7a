package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.detection.AlarmPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The alarm policy per metric class (the anomaly alert rules: {@code anomaly-power},
 * {@code anomaly-thermal}, {@code anomaly-fuel}, {@code anomaly-kpi},
 * {@code anomaly-tenancy-kpi}): telemetry arrives about once a second, so an anomaly must last a
 * minute unless it is extreme; a KPI window is five minutes, so two windows in a row. Settings
 * override each part per class: {@code aiops.anomaly.<class>.persist} (points),
 * {@code .persist-for} (ISO duration), {@code .extreme} (score), {@code .quiet} (points),
 * {@code .damp-after} (alarms), {@code .damp-window} (ISO duration), {@code .silence-after}
 * (alarms).
 */
public record AnomalyPolicies(Map<AlertRule, AlarmPolicy> byClass) {
  static final AlarmPolicy TELEMETRY = new AlarmPolicy(3, Duration.ofSeconds(60), 0.9, 60, 3,
      Duration.ofDays(1), 6);
  static final AlarmPolicy KPI = new AlarmPolicy(2, Duration.ZERO, 0.9, 2, 3,
      Duration.ofDays(1), 6);

  public AnomalyPolicies {
    byClass = Map.copyOf(byClass);
  }

  public static AnomalyPolicies defaults() {
    Map<AlertRule, AlarmPolicy> m = new EnumMap<>(AlertRule.class);
    for (AlertRule rule : new AlertRule[] {AlertRule.ANOMALY_POWER, AlertRule.ANOMALY_THERMAL,
        AlertRule.ANOMALY_FUEL}) {
      m.put(rule, TELEMETRY);
    }
    m.put(AlertRule.ANOMALY_KPI, KPI);
    m.put(AlertRule.ANOMALY_TENANCY_KPI, KPI);
    return new AnomalyPolicies(m);
  }

  /** The defaults with any {@code aiops.anomaly.<class>.<part>} setting {@code setting} has. */
  public static AnomalyPolicies from(BinaryOperator<String> setting) {
    Map<AlertRule, AlarmPolicy> m = new EnumMap<>(AlertRule.class);
    defaults().byClass().forEach((rule, p) -> {
      String key = "aiops.anomaly." + rule.id() + ".";
      m.put(rule, new AlarmPolicy(
          Integer.parseInt(setting.apply(key + "persist", String.valueOf(p.persist()))),
          Duration.parse(setting.apply(key + "persist-for", p.persistFor().toString())),
          Double.parseDouble(setting.apply(key + "extreme", String.valueOf(p.extreme()))),
          Integer.parseInt(setting.apply(key + "quiet", String.valueOf(p.quiet()))),
          Integer.parseInt(setting.apply(key + "damp-after", String.valueOf(p.dampAfter()))),
          Duration.parse(setting.apply(key + "damp-window", p.dampWindow().toString())),
          Integer.parseInt(setting.apply(key + "silence-after",
              String.valueOf(p.silenceAfter())))));
    });
    return new AnomalyPolicies(m);
  }

  public AlarmPolicy of(AlertRule rule) {
    AlarmPolicy policy = byClass.get(rule);
    if (policy == null) {
      throw new IllegalArgumentException("no alarm policy for " + rule.id());
    }
    return policy;
  }
}
