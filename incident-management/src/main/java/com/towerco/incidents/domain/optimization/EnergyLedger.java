package com.towerco.incidents.domain.optimization;

import com.towerco.events.payload.kpi.KpiComputed;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each site's energy use per UTC day, summed from the KPI calculator's site windows: generator
 * run time (and how much of it ran while the grid was up), fuel burnt and the lowest battery
 * charge. The advisor judges whole days; the verifier compares days before and after a change.
 * Windows arrive in order per site, so a window at or before the last one is a repeat.
 */
public final class EnergyLedger {
  /** How many days per site are kept. */
  public static final int DAYS_KEPT = 62;

  private final Map<String, SiteDays> sites = new HashMap<>();

  /** One site's day. {@code minSocPct} is NaN when no window reported a battery charge. */
  public record Day(Instant start, int windows, double generatorRunS, double fuelL,
      double generatorOnGridS, double minSocPct) {
    public double generatorHours() {
      return generatorRunS / 3600.0;
    }
  }

  /** Adds a site window; returns the day it completed, if the window starts a new day. */
  public List<Day> add(String siteId, KpiComputed kpi) {
    SiteDays site = sites.computeIfAbsent(siteId, s -> new SiteDays());
    if (site.last != null && !kpi.windowStart().isAfter(site.last)) {
      return List.of();
    }
    site.last = kpi.windowStart();
    site.streamTime = kpi.windowEnd();
    Instant dayStart = kpi.windowStart().truncatedTo(ChronoUnit.DAYS);
    List<Day> completed = new ArrayList<>();
    if (site.current != null && dayStart.isAfter(site.current)) {
      completed.add(site.days.get(site.current));
    }
    site.current = dayStart;
    Map<String, Double> v = kpi.values();
    double run = v.getOrDefault(KpiComputed.GENERATOR_RUN_S, 0.0);
    double grid = v.getOrDefault(KpiComputed.GRID_AVAILABILITY_PCT, 0.0);
    double soc = v.getOrDefault(KpiComputed.BATTERY_MIN_SOC_PCT, Double.NaN);
    Day d = site.days.getOrDefault(dayStart, new Day(dayStart, 0, 0, 0, 0, Double.NaN));
    site.days.put(dayStart, new Day(dayStart, d.windows() + 1, d.generatorRunS() + run,
        d.fuelL() + v.getOrDefault(KpiComputed.FUEL_CONSUMED_L, 0.0),
        d.generatorOnGridS() + (grid >= 100.0 ? run : 0.0),
        Double.isNaN(d.minSocPct()) ? soc : Double.isNaN(soc) ? d.minSocPct()
            : Math.min(d.minSocPct(), soc)));
    while (site.days.size() > DAYS_KEPT) {
      site.days.pollFirstEntry();
    }
    return completed;
  }

  /** The site's days in order. */
  public List<Day> days(String siteId) {
    SiteDays site = sites.get(siteId);
    return site == null ? List.of() : List.copyOf(site.days.values());
  }

  /** The end of the site's newest window (its event time), or null. */
  public Instant streamTime(String siteId) {
    SiteDays site = sites.get(siteId);
    return site == null ? null : site.streamTime;
  }

  private static final class SiteDays {
    private final TreeMap<Instant, Day> days = new TreeMap<>();
    private Instant last;
    private Instant current;
    private Instant streamTime;
  }
}
