package com.towerco.events.payload.optimization;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The optimization was approved. */
public record OptimizationApproved(
    @JsonProperty(required = true) String optimizationId,
    @JsonProperty(required = true) String by,
    String comment,
    @JsonProperty(required = true) Instant approvedAt) implements OptimizationEvent {

  public OptimizationApproved {
    Check.text(optimizationId, "optimization_id", 64);
    Check.text(by, "by", 100);
    Check.optionalText(comment, "comment", 1000);
    Check.required(approvedAt, "approved_at");
  }
}
