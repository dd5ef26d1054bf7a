package com.towerco.incidents.domain.optimization;

import com.towerco.events.payload.optimization.OptimizationKind;
import com.towerco.events.payload.optimization.ProposeOptimization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Business rules that turn a site's day of energy data into optimization proposals: the
 * generator running while the grid was up (grid-priority mode), long generator hours while the
 * battery never cycled (battery cycling), fuel per run hour out of line with the generator's
 * rating, and a battery whose estimated state of health is below 80 %. Each optimization has a
 * fixed id per site and kind, so the same finding on later days proposes nothing new.
 */
public final class EnergyAdvisor {
  public static final double GRID_PRIORITY_MIN_HOURS = 0.5;
  public static final double BATTERY_CYCLING_MIN_HOURS = 4.0;
  public static final double BATTERY_CYCLING_MIN_SOC_PCT = 80.0;
  /** Battery cycling is assumed to save this share of the generator's fuel. */
  public static final double BATTERY_CYCLING_SAVING = 0.25;
  public static final double FUEL_EFFICIENCY_MIN_HOURS = 2.0;
  public static final double FUEL_EFFICIENCY_TOLERANCE = 1.3;
  public static final double REPLACE_BATTERY_BELOW_SOH_PCT = 80.0;

  /** What the inventory says about the site's plant. */
  public record SiteSpec(double generatorLph, double batteryAh) {}

  public static String idOf(String siteId, OptimizationKind kind) {
    return "opt-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + siteId;
  }

  /** Proposals from one completed day. */
  public List<ProposeOptimization> onDay(String siteId, EnergyLedger.Day day, SiteSpec spec) {
    List<ProposeOptimization> proposals = new ArrayList<>();
    double hours = day.generatorHours();
    double litresPerHour = hours > 0 ? day.fuelL() / hours : 0;
    double onGrid = day.generatorOnGridS() / 3600.0;
    if (onGrid >= GRID_PRIORITY_MIN_HOURS) {
      proposals.add(propose(siteId, OptimizationKind.GRID_PRIORITY, day,
          "Grid-priority mode at " + siteId,
          String.format(Locale.ROOT, "The generator ran %.1f h while grid power was available;"
              + " in grid-priority mode it stays off whenever the grid is up.", onGrid),
          Map.of("generator_on_grid_h", round(onGrid), "generator_h", round(hours)),
          Map.of("fuel_l", round(onGrid * rate(litresPerHour, spec)))));
    }
    if (hours >= BATTERY_CYCLING_MIN_HOURS && !Double.isNaN(day.minSocPct())
        && day.minSocPct() >= BATTERY_CYCLING_MIN_SOC_PCT) {
      proposals.add(propose(siteId, OptimizationKind.BATTERY_CYCLING, day,
          "Shift generator hours to battery cycling at " + siteId,
          String.format(Locale.ROOT, "The generator ran %.1f h while the battery never went"
              + " below %.0f %% charge; cycling the battery between generator runs would cut"
              + " run hours.", hours, day.minSocPct()),
          Map.of("generator_h", round(hours), "battery_min_soc_pct", round(day.minSocPct())),
          Map.of("fuel_l", round(day.fuelL() * BATTERY_CYCLING_SAVING))));
    }
    if (hours >= FUEL_EFFICIENCY_MIN_HOURS && spec.generatorLph() > 0
        && litresPerHour > spec.generatorLph() * FUEL_EFFICIENCY_TOLERANCE) {
      proposals.add(propose(siteId, OptimizationKind.FUEL_EFFICIENCY, day,
          "Fuel use per run hour out of line at " + siteId,
          String.format(Locale.ROOT, "The generator burnt %.2f l per run hour against a rating"
              + " of %.2f l/h: service it (injectors, filters, load) and check for leaks or"
              + " theft.", litresPerHour, spec.generatorLph()),
          Map.of("fuel_per_run_h_l", round(litresPerHour), "rated_lph", spec.generatorLph(),
              "generator_h", round(hours)),
          Map.of("fuel_l", round(day.fuelL() - hours * spec.generatorLph()))));
    }
    return proposals;
  }

  /** A proposal to replace a battery whose estimated health is too low. */
  public List<ProposeOptimization> onBatteryHealth(String siteId, BatteryHealth.Estimate e) {
    if (e.sohPct() >= REPLACE_BATTERY_BELOW_SOH_PCT) {
      return List.of();
    }
    return List.of(new ProposeOptimization(idOf(siteId, OptimizationKind.BATTERY_REPLACEMENT),
        siteId, OptimizationKind.BATTERY_REPLACEMENT, "Replace the battery at " + siteId,
        String.format(Locale.ROOT, "A discharge of %.0f %% delivered %.0f Ah: about %.0f Ah of"
            + " the rated %.0f Ah, %.0f %% state of health. A weak battery makes the generator"
            + " start sooner and run longer.", e.socDropPct(), e.dischargedAh(),
            e.estimatedAh(), e.ratedAh(), e.sohPct()),
        Map.of("soh_pct", round(e.sohPct()), "estimated_ah", round(e.estimatedAh()),
            "rated_ah", e.ratedAh()), Map.of(), e.at()));
  }

  private static ProposeOptimization propose(String siteId, OptimizationKind kind,
      EnergyLedger.Day day, String title, String rationale, Map<String, Double> evidence,
      Map<String, Double> savings) {
    return new ProposeOptimization(idOf(siteId, kind), siteId, kind, title, rationale, evidence,
        savings, day.start());
  }

  private static double rate(double observed, SiteSpec spec) {
    return observed > 0 ? observed : spec.generatorLph();
  }

  static double round(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
