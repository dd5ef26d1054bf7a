package com.towerco.dashboard.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One event in an incident's life as the timeline shows it: its type, event time, a line of
 * text, and the event's payload as plain JSON values. Event types the dashboard does not know
 * yet (acknowledged, assigned, ...) appear the same way, so new lifecycle events need no
 * dashboard change to be seen.
 */
public record TimelineEntry(String eventId, String eventType, Instant at, String summary,
    Map<String, Object> details) {

  public TimelineEntry {
    details = details == null ? Map.of() : details;
  }

  /** Same lifecycle fact, delivered under another event id (fan-out to several topics). */
  boolean sameFactAs(TimelineEntry other) {
    return eventType.equals(other.eventType) && at.equals(other.at)
        && details.equals(other.details);
  }

  /** The entry without the tenants and sites the viewer may not know about. */
  public TimelineEntry scopedTo(Viewer viewer, Predicate<String> siteVisible) {
    if (viewer.seesAll()) {
      return this;
    }
    Map<String, Object> scoped = new LinkedHashMap<>(details);
    scoped.computeIfPresent("affected_tenants", (k, v) -> filter(v, viewer::canSee));
    scoped.computeIfPresent("affected_sites", (k, v) -> filter(v, siteVisible));
    return new TimelineEntry(eventId, eventType, at, summary, scoped);
  }

  private static Object filter(Object value, Predicate<String> keep) {
    if (value instanceof List<?> list) {
      return list.stream().filter(x -> x instanceof String s && keep.test(s)).toList();
    }
    return value;
  }
}
