package com.towerco.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.towerco.platform.access.Disclosure;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
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
 * yet appear the same way to the NOC, so new lifecycle events need no dashboard change to be
 * seen; who else may see an entry is its {@link Disclosure} (an unknown type: nobody).
 */
public record TimelineEntry(String eventId, String eventType, Instant at, String summary,
    Map<String, Object> details, @JsonIgnore Disclosure disclosure) {

  private static final Set<String> PER_TENANT_LISTS =
      Set.of("affected_tenants", "affected_sites", "alert_ids", "alert_sites");

  public TimelineEntry {
    details = details == null ? Map.of() : details;
    disclosure = disclosure == null ? Disclosure.OPERATOR : disclosure;
  }

  /** An entry only the NOC may see until its disclosure is known. */
  public TimelineEntry(String eventId, String eventType, Instant at, String summary,
      Map<String, Object> details) {
    this(eventId, eventType, at, summary, details, Disclosure.OPERATOR);
  }

  TimelineEntry disclosed(Disclosure how) {
    return new TimelineEntry(eventId, eventType, at, summary, details, how);
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
    if (merged.get("alert_sites") instanceof Map<?, ?> a
        && copy.details.get("alert_sites") instanceof Map<?, ?> b) {
      Map<Object, Object> union = new LinkedHashMap<>(a);
      union.putAll(b);
      merged.put("alert_sites", Map.copyOf(union));
    }
    return new TimelineEntry(eventId, eventType, at, summary, merged, disclosure);
  }

  /** True if the viewer may see this entry of an incident it sees. */
  public boolean visibleTo(Viewer viewer, IncidentScope scope) {
    return Visibility.allows(viewer, disclosure, scope.sitesFor(viewer));
  }

  /**
   * The entry without the tenants, sites, alerts and candidate causes the viewer may not know
   * about; only called for an entry {@link #visibleTo} the viewer.
   */
  public TimelineEntry scopedTo(Viewer viewer, IncidentScope scope) {
    if (viewer.seesAll()) {
      return this;
    }
    Map<String, Object> scoped = new LinkedHashMap<>(details);
    scoped.computeIfPresent("affected_tenants",
        (k, v) -> filter(v, t -> Visibility.ownedBy(viewer, t)));
    scoped.computeIfPresent("affected_sites", (k, v) -> filter(v, scope.sitesFor(viewer)));
    scoped.computeIfPresent("alert_ids", (k, v) -> filter(v, scope.alertsFor(viewer)));
    scoped.computeIfPresent("alert_sites", (k, v) -> keys(v, scope.alertsFor(viewer)));
    scoped.computeIfPresent("ranked_causes", (k, v) -> causes(v, site ->
        Visibility.causeVisible(viewer, site, rootCauseSite(), scope.sitesFor(viewer)),
        scope.alertsFor(viewer)));
    return new TimelineEntry(eventId, eventType, at, summary, scoped, disclosure);
  }

  private String rootCauseSite() {
    return details.get("root_cause") instanceof Map<?, ?> cause
        && cause.get("site_id") instanceof String site ? site : null;
  }

  /**
   * The candidate causes (as JSON values) whose site passes {@code keep}, each with the
   * evidence alerts that pass {@code alerts}.
   */
  private static Object causes(Object value, Predicate<String> keep, Predicate<String> alerts) {
    if (value instanceof List<?> list) {
      return list.stream().filter(c -> c instanceof Map<?, ?> m
          && m.get("site_id") instanceof String s && keep.test(s))
          .map(c -> {
            Map<String, Object> cause = new LinkedHashMap<>();
            ((Map<?, ?>) c).forEach((k, v) -> cause.put(String.valueOf(k), v));
            cause.computeIfPresent("evidence", (k, v) -> filter(v, alerts));
            return (Object) cause;
          }).toList();
    }
    return value;
  }

  /** A JSON object with only the keys that pass {@code keep}. */
  private static Object keys(Object value, Predicate<String> keep) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> kept = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        if (k instanceof String key && keep.test(key)) {
          kept.put(key, v);
        }
      });
      return kept;
    }
    return value;
  }

  private static Object filter(Object value, Predicate<String> keep) {
    if (value instanceof List<?> list) {
      return list.stream().filter(x -> x instanceof String s && keep.test(s)).toList();
    }
    return value;
  }
}
