package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.payload.alert.AlertSeverity;
import java.util.Set;

/**
 * An incident's severity from what the problem does to service and tenants, not from the worst
 * alarm's label:
 *
 * <ul>
 *   <li><b>critical</b>: service lost now: a tenant's DC feed out of its SLA window, or sites
 *       cut off behind a failed hub;
 *   <li><b>major</b>: service at risk within hours, or security/asset loss: a generator failing
 *       during a mains failure, a battery low or predicted to run out within 2 hours (under 30
 *       minutes: critical; the site-down prediction grades it), a rectifier failure, an
 *       HVAC failure or a cabinet too hot, an intrusion or unscheduled visit, fuel theft, a hub
 *       transmission alarm, a site unreachable;
 *   <li><b>minor</b>: redundancy used, no service at risk: a grid outage carried by generators,
 *       a battery discharging, fuel low, a generator fault with the grid present;
 *   <li><b>warning</b>: anything else (anomalies, a door opened for a visit, a sensor fault):
 *       never an incident on its own.
 * </ul>
 * A threshold rule's alert raised from telemetry ({@code high-temperature}, {@code battery-low},
 * {@code fuel-low}) counts at its own severity, the operator's policy for it (by default the
 * same as above).
 */
final class Impact {
  private static final Set<AlertRule> MAJOR = Set.of(AlertRule.BATTERY_LOW,
      AlertRule.RECTIFIER_FAILURE, AlertRule.HVAC_FAILURE,
      AlertRule.HIGH_TEMPERATURE, AlertRule.THERMAL_RUNAWAY, AlertRule.INTRUSION,
      AlertRule.UNSCHEDULED_DOOR_OPEN, AlertRule.FUEL_THEFT, AlertRule.TRANSMISSION_FAILURE,
      AlertRule.SITE_UNREACHABLE);
  private static final Set<AlertRule> MINOR = Set.of(AlertRule.MAINS_FAILURE,
      AlertRule.BATTERY_DISCHARGING, AlertRule.FUEL_LOW, AlertRule.GENERATOR_FAILURE);

  private Impact() {}

  static AlertSeverity of(Group group, int hubMinSites) {
    if (group.has(AlertRule.TENANT_POWER_LOSS)) {
      return AlertSeverity.CRITICAL;
    }
    if (group.coveredHub() != null && group.unreachableSites() > 0
        && (group.hasAt(AlertRule.TRANSMISSION_FAILURE, group.coveredHub())
            || group.unreachableSites() >= hubMinSites)) {
      return AlertSeverity.CRITICAL;
    }
    AlertSeverity severity = AlertSeverity.WARNING;
    for (Member m : group.members.values()) {
      severity = severity.max(of(group, m));
    }
    return severity;
  }

  private static AlertSeverity of(Group group, Member m) {
    if (m.operatorSeverity()) {
      // a threshold rule's severity is the operator's policy (fleet, site class, region,
      // tenant): what the operator says a hot cabinet or a low tank is worth
      return m.severity();
    }
    if (m.rule() == AlertRule.GENERATOR_FAILURE) {
      return group.hasAt(AlertRule.MAINS_FAILURE, m.siteId()) ? AlertSeverity.MAJOR
          : AlertSeverity.MINOR;
    }
    if (m.rule() == AlertRule.SITE_DOWN_PREDICTED) {
      // graded by the autonomy estimate: minor while hours of battery remain, major under 2 h,
      // critical under 30 min
      return m.severity();
    }
    if (MAJOR.contains(m.rule())) {
      return AlertSeverity.MAJOR;
    }
    return MINOR.contains(m.rule()) ? AlertSeverity.MINOR : AlertSeverity.WARNING;
  }
}
