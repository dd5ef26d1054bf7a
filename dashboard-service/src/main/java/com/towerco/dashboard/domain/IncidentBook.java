package com.towerco.dashboard.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Incidents by id: open ones, and resolved ones up to a limit (oldest resolution dropped
 * first). An event for an incident not seen yet starts it, so lifecycle events may arrive in
 * any order. Not thread-safe.
 */
final class IncidentBook {
  private final int maxOpen;
  private final int maxResolved;
  private final int maxTimeline;
  private final LinkedHashMap<String, IncidentView> open = new LinkedHashMap<>();
  private final LinkedHashMap<String, IncidentView> resolved = new LinkedHashMap<>();

  IncidentBook(int maxOpen, int maxResolved, int maxTimeline) {
    this.maxOpen = maxOpen;
    this.maxResolved = maxResolved;
    this.maxTimeline = maxTimeline;
  }

  /** Applies one lifecycle event; the incident if it changed, else empty. */
  Optional<IncidentView> apply(String incidentId, TimelineEntry entry, Object payload) {
    IncidentView view = resolved.get(incidentId);
    if (view == null) {
      view = open.computeIfAbsent(incidentId, id -> new IncidentView(id, maxTimeline));
    }
    if (!view.apply(entry, payload)) {
      return Optional.empty();
    }
    if (!view.isOpen() && open.remove(incidentId) != null) {
      resolved.put(incidentId, view);
      trim(resolved, maxResolved);
    }
    trim(open, maxOpen);
    return Optional.of(view);
  }

  Optional<IncidentView> find(String incidentId) {
    IncidentView view = open.get(incidentId);
    return Optional.ofNullable(view != null ? view : resolved.get(incidentId));
  }

  List<IncidentView> all() {
    List<IncidentView> all = new ArrayList<>(open.values());
    all.addAll(resolved.values());
    return all;
  }

  private static void trim(LinkedHashMap<String, IncidentView> map, int max) {
    Iterator<String> oldest = map.keySet().iterator();
    while (map.size() > max) {
      oldest.next();
      oldest.remove();
    }
  }
}
