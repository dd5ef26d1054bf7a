package com.towerco.events.payload.optimization;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Command: a person approves a proposed optimization. */
public record ApproveOptimization(
    @JsonProperty(required = true) String optimizationId,
    Integer expectedVersion,
    @JsonProperty(required = true) String requestedBy,
    String comment) implements OptimizationCommand {

  public ApproveOptimization {
    Check.text(optimizationId, "optimization_id", 64);
    if (expectedVersion != null) {
      Check.range(expectedVersion, 0, 100000000, "expected_version");
    }
    Check.text(requestedBy, "requested_by", 100);
    Check.optionalText(comment, "comment", 1000);
  }
}
