package com.towerco.dashboard.domain;

import com.towerco.events.payload.incident.DispatchRequested;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.platform.access.Disclosure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
  private final Set<String> alertIds = new LinkedHashSet<>();
  private final Set<String> affectedSites = new LinkedHashSet<>();
  private final Set<String> affectedTenants = new LinkedHashSet<>();
  private final Map<String, String> dispatchSites = new HashMap<>();
  private IncidentOpened opened;
  private IncidentResolved resolved;
  private String phase = "unknown";
  private String sharedPhase = "unknown";
  private Instant updatedAt = Instant.EPOCH;
  private TimelineEntry lastStep;

  IncidentView(String incidentId, int maxTimeline) {
    this.incidentId = incidentId;
    this.maxTimeline = maxTimeline;
  }

  /**
   * Applies one lifecycle event; false if it was already in the timeline. The same fact
   * published to several tenants' topics (other event id, its own tenant and alert lists)
   * merges into one entry.
   */
  boolean apply(TimelineEntry received, Object payload) {
    if (payload instanceof DispatchRequested d) {
      dispatchSites.put(d.dispatchId(), d.siteId());
    }
    TimelineEntry entry = received.disclosed(
        Disclosure.ofIncidentEvent(payload, dispatchSites::get));
    int copyOf = -1;
    for (int i = 0; i < timeline.size(); i++) {
      TimelineEntry e = timeline.get(i);
      if (e.eventId().equals(entry.eventId())) {
        return false;
      }
      if (copyOf < 0 && e.sameFactAs(entry)) {
        copyOf = i;
      }
    }
    boolean changed = evolve(payload);
    if (copyOf >= 0) {
      TimelineEntry merged = timeline.get(copyOf).mergedWith(entry);
      if (merged.equals(timeline.get(copyOf)) && !changed) {
        return false;
      }
      timeline.set(copyOf, merged);
      lastStep = merged;
    } else {
      addToTimeline(entry);
      lastStep = entry;
    }
    phase = phaseOf(timeline.get(timeline.size() - 1));
    sharedPhase = "unknown";
    for (int i = timeline.size() - 1; i >= 0; i--) {
      if (timeline.get(i).disclosure().equals(Disclosure.INCIDENT)) {
        sharedPhase = phaseOf(timeline.get(i));
        break;
      }
    }
    if (entry.at().isAfter(updatedAt)) {
      updatedAt = entry.at();
    }
    return true;
  }

  private static String phaseOf(TimelineEntry entry) {
    return entry.eventType().startsWith("incident.")
        ? entry.eventType().substring("incident.".length()) : entry.eventType();
  }

  /** Folds the known lifecycle facts into the incident; true if anything changed. */
  private boolean evolve(Object payload) {
    if (payload instanceof IncidentOpened o) {
      boolean first = opened == null;
      if (first) {
        opened = o;
      }
      int before = alertIds.size() + affectedSites.size() + affectedTenants.size();
      prepend(alertIds, first ? o.alertIds() : List.of());
      alertIds.addAll(o.alertIds());
      prepend(affectedSites, first ? o.affectedSites() : List.of());
      affectedSites.addAll(o.affectedSites());
      affectedTenants.addAll(o.affectedTenants());
      return first || alertIds.size() + affectedSites.size() + affectedTenants.size() > before;
    } else if (payload instanceof IncidentAlertAttached a) {
      return alertIds.add(a.alertId()) | affectedSites.add(a.siteId());
    } else if (payload instanceof IncidentResolved r) {
      boolean first = resolved == null;
      resolved = first ? r : resolved;
      return first;
    }
    return false;
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
        sharedPhase,
        opened == null ? null : opened.rootCause(), List.copyOf(affectedSites),
        List.copyOf(affectedTenants), List.copyOf(alertIds),
        opened == null ? null : opened.openedAt(),
        resolved == null ? null : resolved.resolvedAt(),
        resolved == null ? null : resolved.resolution(), updatedAt);
  }

  /** The entry the last change added or merged into. */
  TimelineEntry lastStep() {
    return lastStep;
  }

  List<TimelineEntry> timeline() {
    return List.copyOf(timeline);
  }

  /** Orders incidents newest first by their last change. */
  static final Comparator<IncidentSummary> NEWEST_FIRST =
      Comparator.comparing(IncidentSummary::updatedAt).reversed()
          .thenComparing(IncidentSummary::incidentId);
}
