package com.towerco.events.payload.optimization;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Command: a person reverts an applied optimization. */
public record RollBackOptimization(
    @JsonProperty(required = true) String optimizationId,
    Integer expectedVersion,
    @JsonProperty(required = true) String requestedBy,
    @JsonProperty(required = true) String reason) implements OptimizationCommand {

  public RollBackOptimization {
    Check.text(optimizationId, "optimization_id", 64);
    if (expectedVersion != null) {
      Check.range(expectedVersion, 0, 100000000, "expected_version");
    }
    Check.text(requestedBy, "requested_by", 100);
    Check.text(reason, "reason", 1000);
  }
}
