package com.towerco.events.payload.optimization;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Savings of an applied optimization were measured from later KPI events. */
public record OptimizationVerified(
    @JsonProperty(required = true) String optimizationId,
    @JsonProperty(required = true) String metric,
    @JsonProperty(required = true) String unit,
    @JsonProperty(required = true) double baselinePerDay,
    @JsonProperty(required = true) double measuredPerDay,
    @JsonProperty(required = true) double savingsPerDay,
    @JsonProperty(required = true) int daysMeasured,
    @JsonProperty(required = true) boolean effective,
    @JsonProperty(required = true) Instant verifiedAt) implements OptimizationEvent {

  public OptimizationVerified {
    Check.text(optimizationId, "optimization_id", 64);
    Check.text(metric, "metric", 100);
    Check.text(unit, "unit", 20);
    Check.range(baselinePerDay, -1000000, 1000000, "baseline_per_day");
    Check.range(measuredPerDay, -1000000, 1000000, "measured_per_day");
    Check.range(savingsPerDay, -1000000, 1000000, "savings_per_day");
    Check.range(daysMeasured, 1, 366, "days_measured");
    Check.required(verifiedAt, "verified_at");
  }
}
