package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.Chain;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One signal, one alert. An alert that is about a signal rather than a condition (an anomaly
 * alert on a telemetry metric or a KPI, a {@code sensor-fault} on a metric) and a rule's alert
 * that watches that same signal at the same site are one alert: whichever comes first, the two
 * are one problem, and the signal alert is evidence on the rule's alert (it never notifies
 * beside it, {@code same-signal:<rule>@<site>}). Which rules watch which signal:
 *
 * <ul>
 *   <li>KPIs: {@code grid_availability_pct} mains-failure; {@code generator_run_s}
 *       generator-failure; {@code fuel_consumed_l} fuel-theft, fuel-low;
 *       {@code battery_min_soc_pct} and {@code power_availability_pct} battery-low,
 *       battery-discharging, site-down-predicted (and tenant-power-loss for availability);
 *       {@code reporting_pct} site-unreachable;
 *   <li>telemetry metrics: {@code mains.*} mains-failure, {@code generator.*}
 *       generator-failure, {@code rectifier.*} rectifier-failure, {@code battery.soc_pct},
 *       {@code battery.voltage_v}, {@code battery.current_a} the battery rules,
 *       {@code fuel.level_l} fuel-theft and fuel-low, {@code environment.cabinet_temp_c}
 *       high-temperature, thermal-runaway and hvac-failure, {@code tenant.<t>.dc_voltage_v}
 *       tenant-power-loss of tenant {@code <t>};
 *   <li>a tenancy's KPI anomaly (its subject is the tenant): that tenant's tenant-power-loss.
 * </ul>
 */
final class SameSignal {
  private static final Set<AlertRule> BATTERY = EnumSet.of(AlertRule.BATTERY_LOW,
      AlertRule.BATTERY_DISCHARGING, AlertRule.SITE_DOWN_PREDICTED);
  private static final Map<String, Set<AlertRule>> WATCHERS = Map.ofEntries(
      Map.entry("grid_availability_pct", EnumSet.of(AlertRule.MAINS_FAILURE)),
      Map.entry("generator_run_s", EnumSet.of(AlertRule.GENERATOR_FAILURE)),
      Map.entry("fuel_consumed_l", EnumSet.of(AlertRule.FUEL_THEFT, AlertRule.FUEL_LOW)),
      Map.entry("battery_min_soc_pct", BATTERY),
      Map.entry("power_availability_pct", EnumSet.of(AlertRule.BATTERY_LOW,
          AlertRule.BATTERY_DISCHARGING, AlertRule.SITE_DOWN_PREDICTED,
          AlertRule.TENANT_POWER_LOSS)),
      Map.entry("reporting_pct", EnumSet.of(AlertRule.SITE_UNREACHABLE)),
      Map.entry("mains.voltage_v", EnumSet.of(AlertRule.MAINS_FAILURE)),
      Map.entry("generator.output_kw", EnumSet.of(AlertRule.GENERATOR_FAILURE)),
      Map.entry("rectifier.output_voltage_v", EnumSet.of(AlertRule.RECTIFIER_FAILURE)),
      Map.entry("rectifier.load_a", EnumSet.of(AlertRule.RECTIFIER_FAILURE)),
      Map.entry("battery.soc_pct", BATTERY),
      Map.entry("battery.voltage_v", BATTERY),
      Map.entry("battery.current_a", BATTERY),
      Map.entry("fuel.level_l", EnumSet.of(AlertRule.FUEL_THEFT, AlertRule.FUEL_LOW)),
      Map.entry("environment.cabinet_temp_c", EnumSet.of(AlertRule.HIGH_TEMPERATURE,
          AlertRule.THERMAL_RUNAWAY, AlertRule.HVAC_FAILURE)));

  private SameSignal() {}

  /** True for the alerts that are about a signal, not a condition: anomalies, sensor faults. */
  static boolean aboutASignal(AlertRule rule) {
    return rule == AlertRule.SENSOR_FAULT || rule.id().startsWith("anomaly-");
  }

  /**
   * True if the alert of {@code rule} with {@code subject} watches the signal that the alert of
   * {@code about} with {@code signal} (its subject) is about.
   */
  static boolean watches(AlertRule rule, String subject, AlertRule about, String signal) {
    if (aboutASignal(rule) || !aboutASignal(about) || signal == null) {
      return false;
    }
    if (about == AlertRule.ANOMALY_TENANCY_KPI) {
      return rule == AlertRule.TENANT_POWER_LOSS && signal.equals(subject);
    }
    if (signal.startsWith("tenant.") && signal.endsWith(".dc_voltage_v")) {
      String tenant = signal.substring("tenant.".length(), signal.length()
          - ".dc_voltage_v".length());
      return rule == AlertRule.TENANT_POWER_LOSS && tenant.equals(subject);
    }
    return WATCHERS.getOrDefault(signal, Set.of()).contains(rule);
  }

  /** The rule's alert in {@code group} at the fact's site that watches the fact's signal. */
  static java.util.Optional<Member> watcherOf(AlertFact fact, Group group) {
    if (!aboutASignal(fact.rule())) {
      return java.util.Optional.empty();
    }
    String signal = subjectOf(fact.fingerprint());
    return group.members.values().stream()
        .filter(m -> m.siteId().equals(fact.siteId())
            && watches(m.rule(), m.subject(), fact.rule(), signal))
        .findFirst();
  }

  /**
   * True if the fact is a rule's alert that watches the signal of a signal alert of
   * {@code group} at its site (the anomaly or sensor fault came first). Not for transmission
   * alerts: the hub paths place those.
   */
  static boolean watchesAMemberOf(AlertFact fact, Group group) {
    if (aboutASignal(fact.rule()) || fact.rule().chain() == Chain.TRANSMISSION) {
      return false;
    }
    String subject = subjectOf(fact.fingerprint());
    return group.members.values().stream().anyMatch(m -> m.siteId().equals(fact.siteId())
        && watches(fact.rule(), subject, m.rule(), m.subject()));
  }

  /** The subject of a fingerprint {@code rule|site|subject}, or "" when it has none. */
  static String subjectOf(String fingerprint) {
    if (fingerprint == null) {
      return "";
    }
    String[] parts = fingerprint.split("\\|", 3);
    return parts.length == 3 ? parts[2] : "";
  }
}
