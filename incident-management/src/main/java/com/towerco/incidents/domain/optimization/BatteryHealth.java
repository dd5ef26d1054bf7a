package com.towerco.incidents.domain.optimization;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Estimates a battery's state of health from telemetry by counting the charge it delivers in a
 * discharge: ampere-hours out divided by the fraction of charge lost gives the capacity it
 * really has, compared with the rated capacity from the inventory. Only discharges deep enough
 * to measure count.
 */
public final class BatteryHealth {
  public static final double MIN_DROP_PCT = 20.0;
  /** A gap longer than this between readings ends the discharge being measured. */
  public static final Duration MAX_GAP = Duration.ofMinutes(10);
  private static final double DISCHARGING_BELOW_A = -1.0;

  private final Map<String, Discharge> discharging = new HashMap<>();

  /** What one measured discharge says about the battery. */
  public record Estimate(String siteId, double sohPct, double estimatedAh, double ratedAh,
      double dischargedAh, double socDropPct, Instant at) {}

  /** Feeds one reading; returns an estimate when a deep enough discharge has just ended. */
  public Optional<Estimate> reading(String siteId, Instant at, double currentA, double socPct,
      double ratedAh) {
    Discharge d = discharging.get(siteId);
    if (d != null && Duration.between(d.lastAt, at).compareTo(MAX_GAP) > 0) {
      discharging.remove(siteId);
      d = null;
    }
    if (currentA < DISCHARGING_BELOW_A) {
      if (d == null) {
        discharging.put(siteId, new Discharge(at, socPct, currentA));
      } else {
        d.ah += -d.lastCurrent * Duration.between(d.lastAt, at).toMillis() / 3_600_000.0;
        d.lastAt = at;
        d.lastCurrent = currentA;
        d.lastSoc = socPct;
      }
      return Optional.empty();
    }
    if (d == null) {
      return Optional.empty();
    }
    discharging.remove(siteId);
    double drop = d.startSoc - d.lastSoc;
    if (drop < MIN_DROP_PCT || ratedAh <= 0 || d.ah <= 0) {
      return Optional.empty();
    }
    double capacity = d.ah / (drop / 100.0);
    return Optional.of(new Estimate(siteId, Math.min(100.0, 100.0 * capacity / ratedAh),
        capacity, ratedAh, d.ah, drop, at));
  }

  private static final class Discharge {
    private final double startSoc;
    private Instant lastAt;
    private double lastCurrent;
    private double lastSoc;
    private double ah;

    Discharge(Instant at, double soc, double current) {
      this.startSoc = soc;
      this.lastAt = at;
      this.lastSoc = soc;
      this.lastCurrent = current;
    }
  }
}
