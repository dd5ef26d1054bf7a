package com.towerco.dashboard.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One event in an incident's life as the timeline shows it: its type, event time, a line of
 * text, and the event's payload as plain JSON values. Event types the dashboard does not know
 * yet (acknowledged, assigned, ...) appear the same way, so new lifecycle events need no
 * dashboard change to be seen.
 */
public record TimelineEntry(String eventId, String eventType, Instant at, String summary,
    Map<String, Object> details) {

  private static final Set<String> PER_TENANT_LISTS =
      Set.of("affected_tenants", "affected_sites", "alert_ids");

  public TimelineEntry {
    details = details == null ? Map.of() : details;
  }

  /**
   * Same lifecycle fact delivered again under another event id: the same type at the same
   * time with the same fields, apart from the per-tenant lists a fan-out copy may narrow.
   */
  boolean sameFactAs(TimelineEntry other) {
    if (!eventType.equals(other.eventType) || !at.equals(other.at)) {
      return false;
    }
    Map<String, Object> mine = new LinkedHashMap<>(details);
    Map<String, Object> theirs = new LinkedHashMap<>(other.details);
    mine.keySet().removeAll(PER_TENANT_LISTS);
    theirs.keySet().removeAll(PER_TENANT_LISTS);
    return mine.equals(theirs);
  }

  /** This entry with the per-tenant lists of a copy of the same fact added in. */
  TimelineEntry mergedWith(TimelineEntry copy) {
    Map<String, Object> merged = new LinkedHashMap<>(details);
    for (String key : PER_TENANT_LISTS) {
      if (merged.get(key) instanceof List<?> a && copy.details.get(key) instanceof List<?> b) {
        LinkedHashSet<Object> union = new LinkedHashSet<>(a);
        union.addAll(b);
        merged.put(key, List.copyOf(union));
      }
    }
    return new TimelineEntry(eventId, eventType, at, summary, merged);
  }

  /** The entry without the tenants, sites and alerts the viewer may not know about. */
  public TimelineEntry scopedTo(Viewer viewer, IncidentScope scope) {
    if (viewer.seesAll()) {
      return this;
    }
    Map<String, Object> scoped = new LinkedHashMap<>(details);
    scoped.computeIfPresent("affected_tenants", (k, v) -> filter(v, viewer::canSee));
    scoped.computeIfPresent("affected_sites", (k, v) -> filter(v, scope.sitesFor(viewer)));
    scoped.computeIfPresent("alert_ids", (k, v) -> filter(v, scope.alertsFor(viewer)));
    return new TimelineEntry(eventId, eventType, at, summary, scoped);
  }

  private static Object filter(Object value, Predicate<String> keep) {
    if (value instanceof List<?> list) {
      return list.stream().filter(x -> x instanceof String s && keep.test(s)).toList();
    }
    return value;
  }
}
