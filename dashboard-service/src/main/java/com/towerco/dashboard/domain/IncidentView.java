package com.towerco.dashboard.domain;

import com.towerco.events.payload.IncidentAlertAttached;
import com.towerco.events.payload.IncidentOpened;
import com.towerco.events.payload.IncidentResolved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The dashboard's picture of one incident, evolved from its lifecycle events in any order: the
 * opening sets what it is about, attachments add alerts, a resolution closes it, and every
 * event (known type or not) lands once in a bounded, time-ordered timeline. Not thread-safe.
 */
final class IncidentView {
  private final String incidentId;
  private final int maxTimeline;
  private final List<TimelineEntry> timeline = new ArrayList<>();
  private final Set<String> eventIds = new HashSet<>();
  private final Set<String> alertIds = new LinkedHashSet<>();
  private final Set<String> affectedSites = new LinkedHashSet<>();
  private IncidentOpened opened;
  private IncidentResolved resolved;
  private String phase = "unknown";
  private Instant updatedAt = Instant.EPOCH;

  IncidentView(String incidentId, int maxTimeline) {
    this.incidentId = incidentId;
    this.maxTimeline = maxTimeline;
  }

  /** Applies one lifecycle event; false if it was already in the timeline. */
  boolean apply(TimelineEntry entry, Object payload) {
    if (eventIds.contains(entry.eventId())
        || timeline.stream().anyMatch(e -> e.sameFactAs(entry))) {
      return false;
    }
    eventIds.add(entry.eventId());
    if (payload instanceof IncidentOpened o) {
      opened = o;
      prepend(alertIds, o.alertIds());
      prepend(affectedSites, o.affectedSites());
    } else if (payload instanceof IncidentAlertAttached a) {
      alertIds.add(a.alertId());
      affectedSites.add(a.siteId());
    } else if (payload instanceof IncidentResolved r) {
      resolved = r;
    }
    addToTimeline(entry);
    TimelineEntry latest = timeline.get(timeline.size() - 1);
    phase = latest.eventType().startsWith("incident.")
        ? latest.eventType().substring("incident.".length()) : latest.eventType();
    if (entry.at().isAfter(updatedAt)) {
      updatedAt = entry.at();
    }
    return true;
  }

  /** The opening's own alerts and sites come first, whatever arrived before it. */
  private static void prepend(Set<String> set, List<String> first) {
    Set<String> rest = new LinkedHashSet<>(set);
    set.clear();
    set.addAll(first);
    set.addAll(rest);
  }

  private void addToTimeline(TimelineEntry entry) {
    int at = timeline.size();
    while (at > 0 && timeline.get(at - 1).at().isAfter(entry.at())) {
      at--;
    }
    timeline.add(at, entry);
    if (timeline.size() > maxTimeline) {
      // keep the opening, drop the oldest step after it
      timeline.remove(timeline.size() > 1 ? 1 : 0);
    }
  }

  String incidentId() {
    return incidentId;
  }

  boolean isOpen() {
    return resolved == null;
  }

  IncidentSummary summary() {
    return new IncidentSummary(incidentId,
        opened == null ? "Incident " + incidentId : opened.title(),
        opened == null ? null : opened.severity(),
        resolved == null ? IncidentSummary.State.OPEN : IncidentSummary.State.RESOLVED, phase,
        opened == null ? null : opened.rootCause(), List.copyOf(affectedSites),
        opened == null ? List.of() : opened.affectedTenants(), List.copyOf(alertIds),
        opened == null ? null : opened.openedAt(),
        resolved == null ? null : resolved.resolvedAt(),
        resolved == null ? null : resolved.resolution(), updatedAt);
  }

  List<TimelineEntry> timeline() {
    return List.copyOf(timeline);
  }

  /** Orders incidents newest first by their last change. */
  static final Comparator<IncidentSummary> NEWEST_FIRST =
      Comparator.comparing(IncidentSummary::updatedAt).reversed()
          .thenComparing(IncidentSummary::incidentId);
}
