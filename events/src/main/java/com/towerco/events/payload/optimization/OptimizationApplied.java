package com.towerco.events.payload.optimization;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The optimization was applied on site; savings are measured from later events. */
public record OptimizationApplied(
    @JsonProperty(required = true) String optimizationId,
    @JsonProperty(required = true) String by,
    String comment,
    @JsonProperty(required = true) Instant appliedAt,
    @JsonProperty(required = true) Instant verifyAfter) implements OptimizationEvent {

  public OptimizationApplied {
    Check.text(optimizationId, "optimization_id", 64);
    Check.text(by, "by", 100);
    Check.optionalText(comment, "comment", 1000);
    Check.required(appliedAt, "applied_at");
    Check.required(verifyAfter, "verify_after");
  }
}
