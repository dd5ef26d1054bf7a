package com.towerco.kpi.domain;

import com.towerco.events.payload.kpi.KpiComputed;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything one site's window adds up: time covered by readings, time in each state,
 * per-tenancy powered time and energy, fuel drops, the lowest state of charge, readings (each
 * reading time once, so a reading delivered twice is one sample) and raised alarms (each alarm
 * id once, so a repeated alarm is not counted twice). A repeat must be absorbed here: the
 * handler's deduplicator cannot check a reading older than its horizon, which runs from the
 * newest event time of the whole instance, while a site behind the others still has the
 * reading's window open.
 */
final class WindowAccumulator {
  private long coveredMs;
  private long gridMs;
  private long generatorMs;
  private long allPoweredMs;
  private double fuelConsumedL;
  private double minSoc = Double.NaN;
  private int samples;
  private final Set<Long> sampleTimes = new HashSet<>();
  private final Set<String> alarms = new HashSet<>();
  private final Map<String, TenancyAccumulator> tenancies = new LinkedHashMap<>();

  /** Attributes {@code millis} of time in the state of {@code reading}. */
  void attribute(Reading reading, long millis, Function<String, DcWindow> windows) {
    if (millis <= 0) {
      return;
    }
    coveredMs += millis;
    if (reading.gridAvailable()) {
      gridMs += millis;
    }
    if (reading.generatorRunning()) {
      generatorMs += millis;
    }
    boolean all = true;
    for (Reading.TenantFeed feed : reading.tenants()) {
      boolean powered = windows.apply(feed.tenantId()).contains(feed.dcVoltageV());
      all &= powered;
      tenancies.computeIfAbsent(feed.tenantId(), t -> new TenancyAccumulator())
          .attribute(powered, feed.loadKw(), millis);
    }
    if (all) {
      allPoweredMs += millis;
    }
  }

  void sample(Reading reading) {
    if (sampleTimes.add(reading.timeMillis())) {
      samples++;
    }
    minSoc = Double.isNaN(minSoc) ? reading.batterySocPct()
        : Math.min(minSoc, reading.batterySocPct());
    for (Reading.TenantFeed feed : reading.tenants()) {
      tenancies.computeIfAbsent(feed.tenantId(), t -> new TenancyAccumulator());
    }
  }

  void fuelDrop(double litres) {
    fuelConsumedL += litres;
  }

  void alarmRaised(String alarmId) {
    alarms.add(alarmId);
  }

  int samples() {
    return samples;
  }

  Map<String, TenancyAccumulator> tenancies() {
    return tenancies;
  }

  Map<String, Double> siteValues(long windowMs) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put(KpiComputed.REPORTING_PCT, pct(coveredMs, windowMs));
    values.put(KpiComputed.ALARMS_RAISED, (double) alarms.size());
    values.put(KpiComputed.GENERATOR_RUN_S, generatorMs / 1000.0);
    values.put(KpiComputed.FUEL_CONSUMED_L, round(fuelConsumedL));
    if (coveredMs > 0) {
      values.put(KpiComputed.GRID_AVAILABILITY_PCT, pct(gridMs, coveredMs));
      values.put(KpiComputed.POWER_AVAILABILITY_PCT, pct(allPoweredMs, coveredMs));
    }
    if (!Double.isNaN(minSoc)) {
      values.put(KpiComputed.BATTERY_MIN_SOC_PCT, round(minSoc));
    }
    return values;
  }

  static double pct(long part, long whole) {
    return whole <= 0 ? 0.0 : round(100.0 * part / whole);
  }

  static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }

  /** One tenancy's share of a window. */
  static final class TenancyAccumulator {
    private long coveredMs;
    private long poweredMs;
    private double energyKwh;

    void attribute(boolean powered, double loadKw, long millis) {
      coveredMs += millis;
      if (powered) {
        poweredMs += millis;
        energyKwh += loadKw * millis / 3_600_000.0;
      }
    }

    Map<String, Double> values(long windowMs) {
      Map<String, Double> values = new LinkedHashMap<>();
      values.put(KpiComputed.REPORTING_PCT, pct(coveredMs, windowMs));
      values.put(KpiComputed.ENERGY_KWH, round(energyKwh));
      if (coveredMs > 0) {
        values.put(KpiComputed.POWER_AVAILABILITY_PCT, pct(poweredMs, coveredMs));
      }
      return values;
    }
  }
}
