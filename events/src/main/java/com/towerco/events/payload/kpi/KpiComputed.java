package com.towerco.events.payload.kpi;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Keys;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.payload.Payload;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * KPIs of one event-time window, for a whole site or for one tenancy on it. Values are keyed by
 * the names in {@link #NAMES}; a window only carries the KPIs that apply to its scope.
 */
@EventDefinition(name = "kpi.computed", version = "1.0", topic = TopicFamily.KPI_METRICS,
    description = "KPIs of one event-time window for a site or one tenancy on it.")
public record KpiComputed(
    @Description("Whole site or one tenancy.") @Required KpiScope scope,
    @Description("Site.") @Required @Id String siteId,
    @Description("Tenant, for tenancy scope.") @Id String tenantId,
    @Description("Region of the site.") @Required @Id String region,
    @Description("Window start (inclusive), event time.") @Required Instant windowStart,
    @Description("Window end (exclusive), event time.") @Required Instant windowEnd,
    @Description("Telemetry readings in the window.")
    @Required @Range(min = 0, max = Integer.MAX_VALUE) int samples,
    @Description("KPI values by name: power_availability_pct, grid_availability_pct, "
        + "generator_run_s, fuel_consumed_l, battery_min_soc_pct, energy_kwh, "
        + "alarms_raised, reporting_pct.")
    @Required @Keys({POWER_AVAILABILITY_PCT, GRID_AVAILABILITY_PCT, GENERATOR_RUN_S,
        FUEL_CONSUMED_L, BATTERY_MIN_SOC_PCT, ENERGY_KWH, ALARMS_RAISED, REPORTING_PCT})
    Map<String, Double> values) implements Payload {

  public static final String POWER_AVAILABILITY_PCT = "power_availability_pct";
  public static final String GRID_AVAILABILITY_PCT = "grid_availability_pct";
  public static final String GENERATOR_RUN_S = "generator_run_s";
  public static final String FUEL_CONSUMED_L = "fuel_consumed_l";
  public static final String BATTERY_MIN_SOC_PCT = "battery_min_soc_pct";
  public static final String ENERGY_KWH = "energy_kwh";
  public static final String ALARMS_RAISED = "alarms_raised";
  public static final String REPORTING_PCT = "reporting_pct";
  public static final Set<String> NAMES = Set.of(POWER_AVAILABILITY_PCT, GRID_AVAILABILITY_PCT,
      GENERATOR_RUN_S, FUEL_CONSUMED_L, BATTERY_MIN_SOC_PCT, ENERGY_KWH, ALARMS_RAISED,
      REPORTING_PCT);

  /** Whole site, or one tenancy on the site. */
  public enum KpiScope {
    @JsonProperty("site") SITE,
    @JsonProperty("tenancy") TENANCY
  }
}
