package com.towerco.aiops.alerting;

import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteAlarm.ProbableCause;
import java.time.Instant;
import java.util.Optional;

/** Maps X.733 alarms to alert signals, and X.733 perceived severity to alert severity. */
public final class AlarmRules {
  private AlarmRules() {}

  public static Optional<Signal> signal(SiteAlarm alarm, Instant time, String eventId) {
    AlertRule rule = rule(alarm.probableCause());
    String subject = rule.perTenant() && alarm.tenantId() != null ? alarm.tenantId() : "";
    if (rule.perTenant() && subject.isEmpty()) {
      return Optional.empty();
    }
    boolean active = alarm.state() == SiteAlarm.AlarmState.RAISED
        && alarm.perceivedSeverity() != SiteAlarm.PerceivedSeverity.CLEARED;
    return Optional.of(new Signal(rule, subject, "alarm:" + alarm.alarmId(), active,
        severity(alarm.perceivedSeverity(), rule), time, eventId));
  }

  static AlertRule rule(ProbableCause cause) {
    return switch (cause) {
      case COMMERCIAL_POWER_FAILURE -> AlertRule.MAINS_FAILURE;
      case GENERATOR_FAILURE -> AlertRule.GENERATOR_FAILURE;
      case BATTERY_DISCHARGING -> AlertRule.BATTERY_DISCHARGING;
      case LOW_BATTERY_THRESHOLD -> AlertRule.BATTERY_LOW;
      case RECTIFIER_FAILURE -> AlertRule.RECTIFIER_FAILURE;
      case AIR_CONDITIONING_FAILURE -> AlertRule.HVAC_FAILURE;
      case HIGH_TEMPERATURE -> AlertRule.HIGH_TEMPERATURE;
      case ENCLOSURE_DOOR_OPEN -> AlertRule.DOOR_OPEN;
      case INTRUSION -> AlertRule.INTRUSION;
      case LOW_FUEL -> AlertRule.FUEL_LOW;
      case TRANSMISSION_FAILURE -> AlertRule.TRANSMISSION_FAILURE;
      case POWER_SUPPLY_FAILURE -> AlertRule.TENANT_POWER_LOSS;
    };
  }

  /** X.733 perceived severity to alert severity; indeterminate falls back to the rule's own. */
  public static AlertSeverity severity(SiteAlarm.PerceivedSeverity perceived, AlertRule rule) {
    return switch (perceived) {
      case CRITICAL -> AlertSeverity.CRITICAL;
      case MAJOR -> AlertSeverity.MAJOR;
      case MINOR -> AlertSeverity.MINOR;
      case WARNING -> AlertSeverity.WARNING;
      case INDETERMINATE, CLEARED -> rule.defaultSeverity();
    };
  }
}
