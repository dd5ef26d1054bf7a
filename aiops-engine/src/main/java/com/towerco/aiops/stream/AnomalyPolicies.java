package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.detection.AlarmPolicy;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The alarm policy per metric class (the anomaly alert rules: {@code anomaly-power},
 * {@code anomaly-thermal}, {@code anomaly-fuel}, {@code anomaly-kpi},
 * {@code anomaly-tenancy-kpi}): telemetry arrives about once a second, so an anomaly must last a
 * minute unless it is extreme; a KPI window is five minutes, so two windows in a row. Settings
 * override each part per class ({@link #settings}): {@code aiops.anomaly.<class>.persist}
 * (points), {@code .persist-for} (duration), {@code .extreme} (score), {@code .quiet} (points),
 * {@code .damp-after} (alarms), {@code .damp-window} (duration), {@code .silence-after}
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

  /** The defaults with any {@code aiops.anomaly.<class>.<part>} setting {@code settings} has. */
  public static AnomalyPolicies from(ServiceSettings settings) {
    Map<AlertRule, AlarmPolicy> m = new EnumMap<>(AlertRule.class);
    defaults().byClass().forEach((rule, p) -> {
      Parts parts = Parts.of(rule, p);
      m.put(rule, new AlarmPolicy(parts.persist().from(settings),
          parts.persistFor().from(settings), parts.extreme().from(settings),
          parts.quiet().from(settings), parts.dampAfter().from(settings),
          parts.dampWindow().from(settings), parts.silenceAfter().from(settings)));
    });
    return new AnomalyPolicies(m);
  }

  /** Every {@code aiops.anomaly.<class>.<part>} setting, with its class's default. */
  public static List<Setting<?>> settings() {
    List<Setting<?>> all = new ArrayList<>();
    defaults().byClass().forEach((rule, p) -> all.addAll(Parts.of(rule, p).all()));
    return all;
  }

  /** The settings of one class's policy. */
  private record Parts(Setting<Integer> persist, Setting<Duration> persistFor,
      Setting<Double> extreme, Setting<Integer> quiet, Setting<Integer> dampAfter,
      Setting<Duration> dampWindow, Setting<Integer> silenceAfter) {
    static Parts of(AlertRule rule, AlarmPolicy p) {
      String k = "aiops.anomaly." + rule.id() + ".";
      String of = " (" + rule.id() + ")";
      return new Parts(
          Setting.integer(k + "persist", p.persist(), 1, 100_000,
              "Anomalous points in a row before an alarm" + of + "."),
          Setting.durationOrZero(k + "persist-for", p.persistFor(),
              "How long the anomaly must last before an alarm, unless extreme" + of + "."),
          Setting.number(k + "extreme", p.extreme(), 0, 1,
              "A score at or above this alarms at once" + of + "."),
          Setting.integer(k + "quiet", p.quiet(), 1, 100_000,
              "Normal points in a row that end an alarm" + of + "."),
          Setting.integer(k + "damp-after", p.dampAfter(), 1, 100_000,
              "Alarms within damp-window after which only extreme scores alarm" + of + "."),
          Setting.duration(k + "damp-window", p.dampWindow(),
              "The window damp-after and silence-after count alarms in" + of + "."),
          Setting.integer(k + "silence-after", p.silenceAfter(), 1, Integer.MAX_VALUE,
              "Alarms within damp-window after which the series is silenced until it fades"
                  + of + "."));
    }

    List<Setting<?>> all() {
      return List.of(persist, persistFor, extreme, quiet, dampAfter, dampWindow, silenceAfter);
    }
  }

  public AlarmPolicy of(AlertRule rule) {
    AlarmPolicy policy = byClass.get(rule);
    if (policy == null) {
      throw new IllegalArgumentException("no alarm policy for " + rule.id());
    }
    return policy;
  }
}
