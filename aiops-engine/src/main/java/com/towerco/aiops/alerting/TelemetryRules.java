package com.towerco.aiops.alerting;

import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Threshold rules on telemetry, with hysteresis so a value hovering at a threshold does not
 * flap, and persistence so a glitch pages nobody (defaults, {@link RulePolicies}): battery low
 * below 30 % (clear above 35 %), cabinet hot above 45 °C (clear below 42 °C), fuel low below 15 %
 * of the tank (clear above 20 %), each only once passed for N readings and a duration or at an
 * extreme value confirmed by a second signal; a cabinet temperature that jumps faster than a
 * cabinet can heat or cool is a {@code sensor-fault} (a maintenance item, a warning) and is not
 * used for the threshold; a tenant unpowered whenever its DC feed is outside its SLA window. Only
 * changes are returned.
 */
public final class TelemetryRules {
  public static final String SOURCE = "telemetry";

  static final double DISCHARGE_AMPS = -1.0;

  /** Whether a tenancy's DC voltage is inside its agreed window. */
  @FunctionalInterface
  public interface TenancyWindows {
    boolean powered(String tenantId, double dcVoltageV);
  }

  private TelemetryRules() {}

  /** Noise allowed on top of the physical rate before a cabinet reading is a glitch, °C. */
  static final double CABINET_SLACK_C = 3.0;
  static final String CABINET_METRIC = "environment.cabinet_temp_c";

  public static List<Signal> evaluate(SiteAlerts site, SiteTelemetry t, TenancyWindows windows,
      Instant time, String eventId) {
    return evaluate(site, t, windows, time, eventId, RulePolicies.defaults());
  }

  public static List<Signal> evaluate(SiteAlerts site, SiteTelemetry t, TenancyWindows windows,
      Instant time, String eventId, RulePolicies rules) {
    List<Signal> changes = new ArrayList<>();
    Evaluation e = new Evaluation(site, time, eventId, changes, rules);
    ReadingGate gate = site.gate();
    e.level(AlertRule.MAINS_FAILURE, "", !t.mains().available());
    if (t.generator() != null) {
      e.level(AlertRule.GENERATOR_FAILURE, "", t.generator().fault());
    }
    e.hysteresis(AlertRule.BATTERY_DISCHARGING, "", t.battery().currentA() < DISCHARGE_AMPS,
        t.battery().currentA() >= 0);
    ThresholdPolicy low = rules.threshold(AlertRule.BATTERY_LOW);
    double soc = t.battery().socPct();
    e.persistent(gate, AlertRule.BATTERY_LOW, soc < low.on(), soc > low.off(),
        soc <= low.extreme() && t.battery().currentA() < 0, low);
    e.level(AlertRule.RECTIFIER_FAILURE, "", t.rectifier().modulesTotal() > 0
        && t.rectifier().modulesOk() < t.rectifier().modulesTotal());
    if (t.fuel() != null) {
      ThresholdPolicy fuel = rules.threshold(AlertRule.FUEL_LOW);
      double share = t.fuel().levelL() / t.fuel().capacityL();
      e.persistent(gate, AlertRule.FUEL_LOW, share < fuel.on(), share > fuel.off(),
          share <= fuel.extreme() && t.generator() != null && t.generator().running(), fuel);
    }
    boolean hvacFault = t.hvac().state() == SiteTelemetry.HvacState.FAULT;
    e.level(AlertRule.HVAC_FAILURE, "", hvacFault);
    double cabinet = t.environment().cabinetTempC();
    boolean plausible = gate.plausible(CABINET_METRIC, cabinet, time,
        rules.cabinetRatePerMinute(), CABINET_SLACK_C);
    e.level(AlertRule.SENSOR_FAULT, CABINET_METRIC, gate.suspect(CABINET_METRIC, time));
    if (plausible) {
      ThresholdPolicy hot = rules.threshold(AlertRule.HIGH_TEMPERATURE);
      boolean cooling = !hvacFault && (t.mains().available()
          || t.generator() != null && t.generator().running());
      e.persistent(gate, AlertRule.HIGH_TEMPERATURE, cabinet > hot.on(), cabinet < hot.off(),
          cabinet >= hot.extreme() && !cooling, hot);
    }
    e.level(AlertRule.DOOR_OPEN, "", t.door().open());
    for (SiteTelemetry.TenantSupply feed : t.tenants()) {
      e.level(AlertRule.TENANT_POWER_LOSS, feed.tenantId(),
          !windows.powered(feed.tenantId(), feed.dcVoltageV()));
    }
    return changes;
  }

  private record Evaluation(SiteAlerts site, Instant time, String eventId, List<Signal> out,
      RulePolicies rules) {
    void level(AlertRule rule, String subject, boolean active) {
      hysteresis(rule, subject, active, !active);
    }

    /** A threshold that must persist (or be extreme and confirmed) before it fires. */
    void persistent(ReadingGate gate, AlertRule rule, boolean past, boolean off,
        boolean extremeAndConfirmed, ThresholdPolicy policy) {
      String fingerprint = site.fingerprint(rule, "");
      boolean fire = gate.persisted(fingerprint, past, extremeAndConfirmed, time, policy);
      hysteresis(rule, "", fire, off);
    }

    void hysteresis(AlertRule rule, String subject, boolean on, boolean off) {
      boolean held = site.heldBy(rule, subject, SOURCE);
      if (!held && on) {
        out.add(new Signal(rule, subject, SOURCE, true, rules.severity(rule), time, eventId));
      } else if (held && off) {
        out.add(new Signal(rule, subject, SOURCE, false, rules.severity(rule), time, eventId));
      }
    }
  }
}
