package com.towerco.events.payload.refuel;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A refuel missed its delivery deadline and was escalated. */
public record RefuelEscalated(
    @JsonProperty(required = true) String refuelId,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) int level,
    @JsonProperty(required = true) Instant overdueSince,
    @JsonProperty(required = true) Instant escalatedAt,
    @JsonProperty(required = true) Instant dueAt) implements RefuelEvent {

  public RefuelEscalated {
    Check.text(refuelId, "refuel_id", 64);
    Check.id(siteId, "site_id");
    Check.range(level, 1, 100, "level");
    Check.required(overdueSince, "overdue_since");
    Check.required(escalatedAt, "escalated_at");
    Check.required(dueAt, "due_at");
  }
}
