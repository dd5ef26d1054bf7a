package com.towerco.events.payload.optimization;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.RejectionCode;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A person's command was refused against the state it met (a concurrent change got there
 * first); nothing else was written.
 */
public record OptimizationCommandRejected(
    @JsonProperty(required = true) String optimizationId,
    @JsonProperty(required = true) String commandId,
    @JsonProperty(required = true) String commandType,
    @JsonProperty(required = true) RejectionCode code,
    @JsonProperty(required = true) String reason,
    Integer expectedVersion,
    @JsonProperty(required = true) int actualVersion,
    @JsonProperty(required = true) Instant rejectedAt) implements OptimizationEvent {

  public OptimizationCommandRejected {
    Check.text(optimizationId, "optimization_id", 64);
    Check.text(commandId, "command_id", 64);
    Check.text(commandType, "command_type", 100);
    Check.required(code, "code");
    Check.text(reason, "reason", 1000);
    if (expectedVersion != null) {
      Check.range(expectedVersion, 0, 100000000, "expected_version");
    }
    Check.range(actualVersion, 0, 100000000, "actual_version");
    Check.required(rejectedAt, "rejected_at");
  }
}
