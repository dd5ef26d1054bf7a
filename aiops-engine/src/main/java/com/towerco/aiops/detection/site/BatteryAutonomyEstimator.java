package com.towerco.aiops.detection.site;

import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Battery autonomy during an outage: while the battery discharges, how long until the low-voltage
 * disconnect cuts the tenants, and so when the site goes down. Two estimates, the more pessimistic
 * winning: the measured drain of the state of charge (a fitted line, so an aged battery's real
 * capacity shows) down to {@link #SOC_AT_DISCONNECT}, and the battery voltage's fall towards
 * {@link #DISCONNECT_V}; before enough is measured, the nameplate capacity over the current. The
 * prediction is raised when discharge starts, updated as the battery drains (when it moves by
 * more than {@link #MOVE_SHARE} of the remaining time, or the severity changes) and cleared when
 * charging resumes. The tenancies' leased backup hours go along as evidence.
 */
public final class BatteryAutonomyEstimator
    implements SiteDetector<BatteryAutonomyEstimator.State> {
  static final double DISCHARGE_A = -1.0;
  static final double SOC_AT_DISCONNECT = 8;
  static final double DISCONNECT_V = 44.0;
  static final double TAU_HOURS = 0.25;
  static final double MOVE_SHARE = 0.1;
  static final Duration MIN_MEASURED = Duration.ofMinutes(2);

  /** The discharge under way (null start when none), its fitted lines, the last prediction. */
  public record State(Instant since, Trend soc, Trend voltage, Instant predicted,
      AlertSeverity severity) {}

  /** No discharge under way; immutable, so one serves every reading that is not on battery. */
  private static final State IDLE = new State(null, Trend.empty(), Trend.empty(), null, null);
  private static final Step<State> QUIET_IDLE = Step.quiet(IDLE);

  @Override
  public State initial() {
    return IDLE;
  }

  @Override
  public Step<State> observe(State s, SiteReading r) {
    SiteTelemetry.Battery b = r.telemetry().battery();
    boolean discharging = b.currentA() < DISCHARGE_A;
    if (!discharging) {
      if (s.predicted() == null) {
        return QUIET_IDLE; // the usual reading: nothing made for it
      }
      return new Step<>(initial(), List.of(new Finding(FindingKind.SITE_DOWN_PREDICTED,
          r.siteId(), Finding.Status.CLEARED, r.time(), s.severity(),
          String.format("Battery no longer discharging (%.0f %% charge left)", b.socPct()),
          Map.of("battery_soc_pct", b.socPct(), "battery_current_a", b.currentA()), null)));
    }
    Instant since = s.since() == null ? r.time() : s.since();
    Trend soc = s.soc().add(r.time(), b.socPct(), TAU_HOURS);
    Trend voltage = s.voltage().add(r.time(), b.voltageV(), TAU_HOURS);
    double hours = hoursLeft(b, soc, voltage, r.site(),
        Duration.between(since, r.time()).compareTo(MIN_MEASURED) >= 0);
    Instant predicted = r.time().plusSeconds((long) Math.min(hours * 3600, 30 * 86_400));
    AlertSeverity severity = hours < 0.5 ? AlertSeverity.CRITICAL
        : hours < 2 ? AlertSeverity.MAJOR : AlertSeverity.MINOR;
    State next = new State(since, soc, voltage, predicted, severity);
    Finding.Status status;
    if (s.predicted() == null) {
      status = Finding.Status.RAISED;
    } else {
      double moved = Math.abs(Duration.between(s.predicted(), predicted).toSeconds()) / 3600.0;
      if (severity == s.severity() && moved <= MOVE_SHARE * Math.max(hours, 0.1)) {
        return Step.quiet(new State(since, soc, voltage, s.predicted(), s.severity()));
      }
      status = Finding.Status.UPDATED;
    }
    return new Step<>(next, List.of(new Finding(FindingKind.SITE_DOWN_PREDICTED, r.siteId(),
        status, r.time(), severity, String.format("On battery: site down in about %.0f min "
            + "(%.0f %% charge, %.1f V, %.0f A)", hours * 60, b.socPct(), b.voltageV(),
            -b.currentA()), evidence(b, soc, voltage, hours, r.site()), predicted)));
  }

  static double hoursLeft(SiteTelemetry.Battery b, Trend soc, Trend voltage, SiteRegistered site,
      boolean measured) {
    double best = Double.POSITIVE_INFINITY;
    if (measured && soc.slopePerHour() < 0) {
      best = Math.max(0, (b.socPct() - SOC_AT_DISCONNECT) / -soc.slopePerHour());
    }
    if (measured && voltage.slopePerHour() < 0) {
      best = Math.min(best, Math.max(0, (b.voltageV() - DISCONNECT_V) / -voltage.slopePerHour()));
    }
    if (Double.isInfinite(best) && site != null && site.power().batteryCapacityAh() > 0) {
      double ah = site.power().batteryCapacityAh() * Math.max(0, b.socPct() - SOC_AT_DISCONNECT)
          / 100;
      best = ah / -b.currentA();
    }
    return Double.isInfinite(best) ? 24 : best;
  }

  private static Map<String, Double> evidence(SiteTelemetry.Battery b, Trend soc, Trend voltage,
      double hours, SiteRegistered site) {
    double leased = site == null ? 0 : site.tenancies().stream()
        .mapToDouble(SiteRegistered.Tenancy::backupHours).min().orElse(0);
    return Map.of("minutes_left", hours * 60, "battery_soc_pct", b.socPct(),
        "battery_voltage_v", b.voltageV(), "battery_current_a", b.currentA(),
        "soc_drain_pct_per_hour", -soc.slopePerHour(),
        "voltage_drop_v_per_hour", -voltage.slopePerHour(), "leased_backup_hours", leased);
  }
}
