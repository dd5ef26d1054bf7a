package com.towerco.events.payload.incident;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a field dispatch stands. */
public enum DispatchStep {
  @JsonProperty("requested") REQUESTED,
  @JsonProperty("technician_assigned") TECHNICIAN_ASSIGNED,
  @JsonProperty("on_site") ON_SITE,
  @JsonProperty("work_done") WORK_DONE,
  @JsonProperty("verified") VERIFIED,
  @JsonProperty("cancelled") CANCELLED;
}
