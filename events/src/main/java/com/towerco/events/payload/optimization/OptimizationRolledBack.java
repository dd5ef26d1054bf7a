package com.towerco.events.payload.optimization;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The applied optimization was reverted. */
public record OptimizationRolledBack(
    @JsonProperty(required = true) String optimizationId,
    @JsonProperty(required = true) String by,
    @JsonProperty(required = true) String reason,
    @JsonProperty(required = true) Instant rolledBackAt) implements OptimizationEvent {

  public OptimizationRolledBack {
    Check.text(optimizationId, "optimization_id", 64);
    Check.text(by, "by", 100);
    Check.text(reason, "reason", 1000);
    Check.required(rolledBackAt, "rolled_back_at");
  }
}
