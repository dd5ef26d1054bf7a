package com.towerco.aiops.detection.site;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the door detector learns which visits are scheduled. The engine backs it with its store
 * of scheduled visits (maintenance plans, refuel deliveries, technician dispatches); tests and the
 * offline tools with a list.
 */
@FunctionalInterface
public interface VisitCalendar {
  /** The visit covering {@code time} at {@code siteId}, if any. */
  Optional<ScheduledVisit> visitAt(String siteId, Instant time);

  static VisitCalendar of(Collection<ScheduledVisit> visits) {
    List<ScheduledVisit> copy = List.copyOf(visits);
    return (site, time) -> copy.stream()
        .filter(v -> v.siteId().equals(site) && v.covers(time)).findFirst();
  }

  static VisitCalendar none() {
    return (site, time) -> Optional.empty();
  }
}
