package com.towerco.incidents.domain.incident;

/** Where an incident stands; the dispatches and acknowledgement are tracked beside it. */
public enum IncidentStatus {
  OPEN, ACKNOWLEDGED, RESOLVED, CLOSED;

  public boolean active() {
    return this == OPEN || this == ACKNOWLEDGED;
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
