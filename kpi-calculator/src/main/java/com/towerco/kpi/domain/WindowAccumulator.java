package com.towerco.kpi.domain;

import com.towerco.events.payload.kpi.KpiComputed;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Everything one site's window adds up: time covered by readings, time in each state,
 * per-tenancy powered time and energy, fuel drops, the lowest state of charge, readings (each
 * reading time once, so a reading delivered twice is one sample) and raised alarms (each alarm
 * id once, so a repeated alarm is not counted twice). A repeat must be absorbed here: the
 * handler's deduplicator cannot check a reading older than its horizon, which runs from the
 * newest event time of the whole instance, while a site behind the others still has the
 * reading's window open.
 *
 * <p>Updated in place for every reading (ADR-062): the reading times and the tenancies are kept
 * in arrays (no box, no map entry per reading); the window's start and the first record offset
 * that fed it are kept here too, for {@link SiteWindows}.
 */
final class WindowAccumulator {
  private final long start;
  private long firstOffset = Long.MAX_VALUE;
  private long coveredMs;
  private long gridMs;
  private long generatorMs;
  private long allPoweredMs;
  private double fuelConsumedL;
  private double minSoc = Double.NaN;
  private int samples;
  /** Each reading time once; {@link #newestSample} is the newest of them. */
  private long[] sampleTimes = new long[16];
  private long newestSample = Long.MIN_VALUE;
  private final Set<String> alarms = new HashSet<>();
  /** The tenancies in the order first seen, and their shares. */
  private String[] tenantIds = new String[4];
  private TenancyAccumulator[] tenancies = new TenancyAccumulator[4];
  private int tenancyCount;

  WindowAccumulator(long start) {
    this.start = start;
  }

  /** A window that received nothing (a silent site's). */
  WindowAccumulator() {
    this(Long.MIN_VALUE);
  }

  long start() {
    return start;
  }

  /** The first record offset that fed this window: what a restart replays from. */
  long firstOffset() {
    return firstOffset;
  }

  void fedBy(long offset) {
    firstOffset = Math.min(firstOffset, offset);
  }

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
    List<Reading.TenantFeed> feeds = reading.tenants();
    for (int i = 0, n = feeds.size(); i < n; i++) {
      Reading.TenantFeed feed = feeds.get(i);
      boolean powered = windows.apply(feed.tenantId()).contains(feed.dcVoltageV());
      all &= powered;
      tenancy(feed.tenantId()).attribute(powered, feed.loadKw(), millis);
    }
    if (all) {
      allPoweredMs += millis;
    }
  }

  void sample(Reading reading) {
    if (newSampleTime(reading.timeMillis())) {
      samples++;
    }
    minSoc = Double.isNaN(minSoc) ? reading.batterySocPct()
        : Math.min(minSoc, reading.batterySocPct());
    List<Reading.TenantFeed> feeds = reading.tenants();
    for (int i = 0, n = feeds.size(); i < n; i++) {
      tenancy(feeds.get(i).tenantId());
    }
  }

  /**
   * Remembers a reading time; false if the window has it already. Readings come in time order
   * but for repeats and stragglers: a time after the newest is new without a search.
   */
  private boolean newSampleTime(long time) {
    if (samples > 0 && time <= newestSample) {
      for (int i = 0; i < samples; i++) {
        if (sampleTimes[i] == time) {
          return false;
        }
      }
    }
    if (samples == sampleTimes.length) {
      sampleTimes = Arrays.copyOf(sampleTimes, samples * 2);
    }
    sampleTimes[samples] = time;
    newestSample = Math.max(newestSample, time);
    return true;
  }

  /** The tenancy's share of this window, made when first seen (ids compared by identity first). */
  private TenancyAccumulator tenancy(String tenantId) {
    for (int i = 0; i < tenancyCount; i++) {
      String id = tenantIds[i];
      if (id == tenantId || id.equals(tenantId)) {
        return tenancies[i];
      }
    }
    if (tenancyCount == tenantIds.length) {
      tenantIds = Arrays.copyOf(tenantIds, tenancyCount * 2);
      tenancies = Arrays.copyOf(tenancies, tenancyCount * 2);
    }
    TenancyAccumulator added = new TenancyAccumulator();
    tenantIds[tenancyCount] = tenantId;
    tenancies[tenancyCount++] = added;
    return added;
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

  /** Each tenancy seen in the window, in the order first seen. */
  void forEachTenancy(BiConsumer<String, TenancyAccumulator> action) {
    for (int i = 0; i < tenancyCount; i++) {
      action.accept(tenantIds[i], tenancies[i]);
    }
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
