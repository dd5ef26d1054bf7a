package com.towerco.events.payload.alert;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Alert and incident severity, mapped from X.733 perceived severity where an alarm is the source. */
public enum AlertSeverity {
  @JsonProperty("critical") CRITICAL,
  @JsonProperty("major") MAJOR,
  @JsonProperty("minor") MINOR,
  @JsonProperty("warning") WARNING;

  /** The more severe of two. */
  public AlertSeverity max(AlertSeverity other) {
    return other.ordinal() < ordinal() ? other : this;
  }
}
