package com.towerco.aiops.alerting;

import com.towerco.events.payload.alert.AlertSeverity;

/**
 * The conditions the engine alerts on. Each has a stable name (part of the alert fingerprint),
 * the causal chain it belongs to, a default severity, and whether it concerns one tenancy
 * (its fingerprint then includes the tenant) or the whole site.
 */
public enum AlertRule {
  MAINS_FAILURE("mains-failure", Chain.POWER, AlertSeverity.MAJOR, false, "Mains power lost"),
  GENERATOR_FAILURE("generator-failure", Chain.POWER, AlertSeverity.CRITICAL, false,
      "Generator failed"),
  BATTERY_DISCHARGING("battery-discharging", Chain.POWER, AlertSeverity.MINOR, false,
      "Battery discharging"),
  BATTERY_LOW("battery-low", Chain.POWER, AlertSeverity.MAJOR, false,
      "Battery below its low threshold"),
  RECTIFIER_FAILURE("rectifier-failure", Chain.POWER, AlertSeverity.MAJOR, false,
      "Rectifier failure"),
  TENANT_POWER_LOSS("tenant-power-loss", Chain.POWER, AlertSeverity.CRITICAL, true,
      "Tenant DC supply outside its SLA window"),
  FUEL_LOW("fuel-low", Chain.FUEL, AlertSeverity.MINOR, false, "Fuel low"),
  HVAC_FAILURE("hvac-failure", Chain.THERMAL, AlertSeverity.MAJOR, false, "HVAC failure"),
  HIGH_TEMPERATURE("high-temperature", Chain.THERMAL, AlertSeverity.MAJOR, false,
      "Cabinet temperature high"),
  DOOR_OPEN("door-open", Chain.SECURITY, AlertSeverity.WARNING, false, "Door open"),
  INTRUSION("intrusion", Chain.SECURITY, AlertSeverity.CRITICAL, false, "Intrusion"),
  TRANSMISSION_FAILURE("transmission-failure", Chain.TRANSMISSION, AlertSeverity.CRITICAL,
      false, "Transmission failure"),
  SITE_UNREACHABLE("site-unreachable", Chain.TRANSMISSION, AlertSeverity.MAJOR, false,
      "Site unreachable"),
  FUEL_THEFT("fuel-theft", Chain.FUEL, AlertSeverity.MAJOR, false,
      "Fuel fell faster than the generator burns it: suspected theft"),
  SITE_DOWN_PREDICTED("site-down-predicted", Chain.POWER, AlertSeverity.MAJOR, false,
      "Battery will run out: site down predicted"),
  THERMAL_RUNAWAY("thermal-runaway", Chain.THERMAL, AlertSeverity.MAJOR, false,
      "Cabinet heating towards thermal shutdown"),
  UNSCHEDULED_DOOR_OPEN("unscheduled-door-open", Chain.SECURITY, AlertSeverity.MAJOR, false,
      "Door open with no scheduled visit"),
  /**
   * A sensor reported a jump faster than physics allows (a glitch): a maintenance item for the
   * sensor, never an incident. The subject names the metric.
   */
  SENSOR_FAULT("sensor-fault", Chain.SENSOR, AlertSeverity.WARNING, false,
      "Sensor reading implausible: sensor check needed"),
  /** A telemetry series or KPI outside its learned behaviour; the subject names the metric. */
  ANOMALY_POWER("anomaly-power", Chain.POWER, AlertSeverity.WARNING, false,
      "Power metric outside its learned behaviour"),
  ANOMALY_THERMAL("anomaly-thermal", Chain.THERMAL, AlertSeverity.WARNING, false,
      "Temperature outside its learned behaviour"),
  ANOMALY_FUEL("anomaly-fuel", Chain.FUEL, AlertSeverity.WARNING, false,
      "Fuel level outside its learned behaviour"),
  /** A site KPI outside its learned behaviour; the subject names the KPI. */
  ANOMALY_KPI("anomaly-kpi", Chain.POWER, AlertSeverity.WARNING, false,
      "Site KPI outside its learned behaviour"),
  /** One or more of a tenancy's KPIs outside their learned behaviour; the subject is the tenant. */
  ANOMALY_TENANCY_KPI("anomaly-tenancy-kpi", Chain.POWER, AlertSeverity.WARNING, true,
      "Tenancy KPI outside its learned behaviour");

  private final String id;
  private final Chain chain;
  private final AlertSeverity severity;
  private final boolean perTenant;
  private final String summary;

  AlertRule(String id, Chain chain, AlertSeverity severity, boolean perTenant, String summary) {
    this.id = id;
    this.chain = chain;
    this.severity = severity;
    this.perTenant = perTenant;
    this.summary = summary;
  }

  public String id() {
    return id;
  }

  public Chain chain() {
    return chain;
  }

  public AlertSeverity defaultSeverity() {
    return severity;
  }

  public boolean perTenant() {
    return perTenant;
  }

  public String summary() {
    return summary;
  }

  /** The stable identity of this rule's alert on one site (and tenancy). */
  public String fingerprint(String siteId, String subject) {
    return id + "|" + siteId + (subject.isEmpty() ? "" : "|" + subject);
  }

  /** The anomaly rule for a metric name such as {@code battery.soc_pct}. */
  public static AlertRule anomalyOf(String metric) {
    if (metric.startsWith("environment.") || metric.contains("temp")) {
      return ANOMALY_THERMAL;
    }
    return metric.startsWith("fuel") ? ANOMALY_FUEL : ANOMALY_POWER;
  }

  public static AlertRule byId(String id) {
    for (AlertRule rule : values()) {
      if (rule.id.equals(id)) {
        return rule;
      }
    }
    throw new IllegalArgumentException("unknown alert rule " + id);
  }
}
