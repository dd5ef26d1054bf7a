package com.towerco.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a command was refused. */
public enum RejectionCode {
  @JsonProperty("not_found") NOT_FOUND,
  @JsonProperty("stale_version") STALE_VERSION,
  @JsonProperty("illegal_transition") ILLEGAL_TRANSITION;
}
