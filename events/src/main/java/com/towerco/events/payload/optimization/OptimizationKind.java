package com.towerco.events.payload.optimization;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The energy optimizations the advisor proposes. */
public enum OptimizationKind {
  @JsonProperty("battery_cycling") BATTERY_CYCLING,
  @JsonProperty("grid_priority") GRID_PRIORITY,
  @JsonProperty("battery_replacement") BATTERY_REPLACEMENT,
  @JsonProperty("fuel_efficiency") FUEL_EFFICIENCY;
}
