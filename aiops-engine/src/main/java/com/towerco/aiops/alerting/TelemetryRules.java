package com.towerco.aiops.alerting;

import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Threshold rules on telemetry, with hysteresis so a value hovering at a threshold does not
 * flap: battery low below 30 % (clear above 35 %), cabinet hot above 45 °C (clear below
 * 42 °C), fuel low below 15 % of the tank (clear above 20 %), a tenant unpowered whenever its DC
 * feed is outside its SLA window. Only changes are returned.
 */
public final class TelemetryRules {
  public static final String SOURCE = "telemetry";

  static final double BATTERY_LOW_ON = 30;
  static final double BATTERY_LOW_OFF = 35;
  static final double HOT_ON = 45;
  static final double HOT_OFF = 42;
  static final double FUEL_LOW_ON = 0.15;
  static final double FUEL_LOW_OFF = 0.20;
  static final double DISCHARGE_AMPS = -1.0;

  /** Whether a tenancy's DC voltage is inside its agreed window. */
  @FunctionalInterface
  public interface TenancyWindows {
    boolean powered(String tenantId, double dcVoltageV);
  }

  private TelemetryRules() {}

  public static List<Signal> evaluate(SiteAlerts site, SiteTelemetry t, TenancyWindows windows,
      Instant time, String eventId) {
    List<Signal> changes = new ArrayList<>();
    Evaluation e = new Evaluation(site, time, eventId, changes);
    e.level(AlertRule.MAINS_FAILURE, "", !t.mains().available());
    if (t.generator() != null) {
      e.level(AlertRule.GENERATOR_FAILURE, "", t.generator().fault());
    }
    e.hysteresis(AlertRule.BATTERY_DISCHARGING, "", t.battery().currentA() < DISCHARGE_AMPS,
        t.battery().currentA() >= 0);
    e.hysteresis(AlertRule.BATTERY_LOW, "", t.battery().socPct() < BATTERY_LOW_ON,
        t.battery().socPct() > BATTERY_LOW_OFF);
    e.level(AlertRule.RECTIFIER_FAILURE, "", t.rectifier().modulesTotal() > 0
        && t.rectifier().modulesOk() < t.rectifier().modulesTotal());
    if (t.fuel() != null) {
      double share = t.fuel().levelL() / t.fuel().capacityL();
      e.hysteresis(AlertRule.FUEL_LOW, "", share < FUEL_LOW_ON, share > FUEL_LOW_OFF);
    }
    e.level(AlertRule.HVAC_FAILURE, "", t.hvac().state() == SiteTelemetry.HvacState.FAULT);
    e.hysteresis(AlertRule.HIGH_TEMPERATURE, "", t.environment().cabinetTempC() > HOT_ON,
        t.environment().cabinetTempC() < HOT_OFF);
    e.level(AlertRule.DOOR_OPEN, "", t.door().open());
    for (SiteTelemetry.TenantSupply feed : t.tenants()) {
      e.level(AlertRule.TENANT_POWER_LOSS, feed.tenantId(),
          !windows.powered(feed.tenantId(), feed.dcVoltageV()));
    }
    return changes;
  }

  private record Evaluation(SiteAlerts site, Instant time, String eventId, List<Signal> out) {
    void level(AlertRule rule, String subject, boolean active) {
      hysteresis(rule, subject, active, !active);
    }

    void hysteresis(AlertRule rule, String subject, boolean on, boolean off) {
      boolean held = site.heldBy(rule.fingerprint(site.siteId(), subject), SOURCE);
      if (!held && on) {
        out.add(new Signal(rule, subject, SOURCE, true, rule.defaultSeverity(), time, eventId));
      } else if (held && off) {
        out.add(new Signal(rule, subject, SOURCE, false, rule.defaultSeverity(), time, eventId));
      }
    }
  }
}
