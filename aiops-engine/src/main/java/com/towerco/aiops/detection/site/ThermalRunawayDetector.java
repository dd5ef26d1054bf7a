package com.towerco.aiops.detection.site;

import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.events.payload.site.SiteTelemetry.HvacState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * HVAC failure leading to thermal runaway: the cabinet is not being cooled (the HVAC in fault,
 * or off while the cabinet is above its thermostat) and its temperature climbs at least
 * {@link #RISE_C_PER_HOUR}; the fitted rise predicts when the rectifiers reach their thermal
 * shutdown at {@link #SHUTDOWN_C}. Raised with that prediction, updated when it moves by more than
 * {@link #MOVE_MINUTES}, cleared when the cabinet cools again.
 */
public final class ThermalRunawayDetector
    implements SiteDetector<ThermalRunawayDetector.State> {
  static final double SHUTDOWN_C = 50;
  static final double THERMOSTAT_C = 27;
  static final double RISE_C_PER_HOUR = 2;
  static final double TAU_HOURS = 0.15;
  static final double MOVE_MINUTES = 10;

  /** The cabinet temperature's fitted line, and the shutdown predicted (null when quiet). */
  public record State(Trend cabinet, Instant predicted) {}

  @Override
  public State initial() {
    return new State(Trend.empty(), null);
  }

  @Override
  public Step<State> observe(State s, SiteReading r) {
    SiteTelemetry t = r.telemetry();
    double temp = t.environment().cabinetTempC();
    Trend cabinet = s.cabinet().add(r.time(), temp, TAU_HOURS);
    double rise = cabinet.points() >= 3 ? cabinet.slopePerHour() : 0;
    HvacState hvac = t.hvac().state();
    boolean notCooling = hvac == HvacState.FAULT
        || hvac == HvacState.OFF && temp > THERMOSTAT_C;
    if (s.predicted() == null) {
      if (!(notCooling && rise >= RISE_C_PER_HOUR && temp > THERMOSTAT_C)) {
        return Step.quiet(new State(cabinet, null));
      }
      Instant predicted = predicted(r.time(), temp, rise);
      return new Step<>(new State(cabinet, predicted), List.of(finding(r, Finding.Status.RAISED,
          temp, rise, predicted)));
    }
    if (rise <= 0 || temp < THERMOSTAT_C) {
      return new Step<>(new State(cabinet, null), List.of(finding(r, Finding.Status.CLEARED,
          temp, rise, null)));
    }
    Instant predicted = predicted(r.time(), temp, rise);
    double moved = Math.abs(predicted.toEpochMilli() - s.predicted().toEpochMilli()) / 60_000.0;
    if (moved <= MOVE_MINUTES) {
      return Step.quiet(new State(cabinet, s.predicted()));
    }
    return new Step<>(new State(cabinet, predicted), List.of(finding(r, Finding.Status.UPDATED,
        temp, rise, predicted)));
  }

  private static Instant predicted(Instant now, double temp, double rise) {
    double hours = temp >= SHUTDOWN_C ? 0 : (SHUTDOWN_C - temp) / rise;
    return now.plusSeconds((long) Math.min(hours * 3600, 7 * 86_400));
  }

  private static Finding finding(SiteReading r, Finding.Status status, double temp, double rise,
      Instant predicted) {
    SiteTelemetry t = r.telemetry();
    double minutes = predicted == null ? 0 : (predicted.toEpochMilli()
        - r.time().toEpochMilli()) / 60_000.0;
    String summary = status == Finding.Status.CLEARED
        ? String.format("Cabinet cooling again (%.1f °C)", temp)
        : String.format("Cabinet at %.1f °C rising %.1f °C/h with HVAC %s: thermal shutdown "
            + "in about %.0f min", temp, rise, t.hvac().state().name().toLowerCase(), minutes);
    AlertSeverity severity = minutes < 30 && status != Finding.Status.CLEARED
        ? AlertSeverity.CRITICAL : AlertSeverity.MAJOR;
    return new Finding(FindingKind.THERMAL_RUNAWAY, r.siteId(), status, r.time(), severity,
        summary, Map.of("cabinet_temp_c", temp, "rise_c_per_hour", rise,
            "ambient_temp_c", t.environment().ambientTempC(), "minutes_to_shutdown", minutes,
            "hvac_fault", t.hvac().state() == HvacState.FAULT ? 1.0 : 0.0), predicted);
  }
}
