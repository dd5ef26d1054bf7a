package com.towerco.events.payload.kpi;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.range;
import static com.towerco.events.payload.Check.required;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * KPIs of one event-time window, for a whole site or for one tenancy on it. Values are keyed by
 * the names in {@link #NAMES}; a window only carries the KPIs that apply to its scope.
 */
public record KpiComputed(
    @JsonProperty(required = true) KpiScope scope,
    @JsonProperty(required = true) String siteId,
    String tenantId,
    @JsonProperty(required = true) String region,
    @JsonProperty(required = true) Instant windowStart,
    @JsonProperty(required = true) Instant windowEnd,
    @JsonProperty(required = true) int samples,
    @JsonProperty(required = true) Map<String, Double> values) implements Payload {

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

  public KpiComputed {
    required(scope, "scope");
    Check.id(siteId, "site_id");
    Check.optionalId(tenantId, "tenant_id");
    Check.id(region, "region");
    required(windowStart, "window_start");
    required(windowEnd, "window_end");
    range(samples, 0, Integer.MAX_VALUE, "samples");
    required(values, "values");
    for (Map.Entry<String, Double> kpi : values.entrySet()) {
      if (!NAMES.contains(kpi.getKey())) {
        throw new IllegalArgumentException("values has an unknown KPI " + kpi.getKey());
      }
      required(kpi.getValue(), "values." + kpi.getKey());
    }
    values = Map.copyOf(values);
  }

  /** Whole site, or one tenancy on the site. */
  public enum KpiScope {
    @JsonProperty("site") SITE,
    @JsonProperty("tenancy") TENANCY
  }
}
