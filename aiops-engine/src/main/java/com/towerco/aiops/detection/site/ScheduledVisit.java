package com.towerco.aiops.detection.site;

import java.time.Duration;
import java.time.Instant;

/**
 * An authorised visit to a site: maintenance, a refuel, a technician dispatched to an incident.
 * The door detector treats a door opened from {@link #EARLY} before {@code from} until
 * {@link #LATE} after {@code until} as expected.
 */
public record ScheduledVisit(String visitId, String siteId, Instant from, Instant until,
    String purpose) {
  static final Duration EARLY = Duration.ofMinutes(30);
  static final Duration LATE = Duration.ofMinutes(30);

  public ScheduledVisit {
    if (until.isBefore(from)) {
      throw new IllegalArgumentException("visit ends before it starts");
    }
  }

  public boolean covers(Instant time) {
    return !time.isBefore(from.minus(EARLY)) && !time.isAfter(until.plus(LATE));
  }
}
