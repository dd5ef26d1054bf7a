package com.towerco.events.payload.optimization;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Command from the savings verifier: the measurement window after application is complete; here
 * is what was measured.
 */
public record VerifyOptimization(
    @JsonProperty(required = true) String optimizationId,
    @JsonProperty(required = true) String metric,
    @JsonProperty(required = true) String unit,
    @JsonProperty(required = true) double baselinePerDay,
    @JsonProperty(required = true) double measuredPerDay,
    @JsonProperty(required = true) int daysMeasured,
    @JsonProperty(required = true) Instant measuredFrom,
    @JsonProperty(required = true) Instant measuredTo) implements OptimizationCommand {

  public VerifyOptimization {
    Check.text(optimizationId, "optimization_id", 64);
    Check.text(metric, "metric", 100);
    Check.text(unit, "unit", 20);
    Check.range(baselinePerDay, -1000000, 1000000, "baseline_per_day");
    Check.range(measuredPerDay, -1000000, 1000000, "measured_per_day");
    Check.range(daysMeasured, 1, 366, "days_measured");
    Check.required(measuredFrom, "measured_from");
    Check.required(measuredTo, "measured_to");
  }
}
