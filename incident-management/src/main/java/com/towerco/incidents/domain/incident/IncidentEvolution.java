package com.towerco.incidents.domain.incident;

import com.towerco.events.payload.incident.DispatchCancelled;
import com.towerco.events.payload.incident.DispatchEscalated;
import com.towerco.events.payload.incident.DispatchRequested;
import com.towerco.events.payload.incident.DispatchStep;
import com.towerco.events.payload.incident.IncidentAcknowledged;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentAssigned;
import com.towerco.events.payload.incident.IncidentClosed;
import com.towerco.events.payload.incident.IncidentCommandRejected;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.incident.IncidentNoteAdded;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentRootCauseChanged;
import com.towerco.events.payload.incident.IncidentReopened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.incident.IncidentSymptomsCleared;
import com.towerco.events.payload.incident.TechnicianAssigned;
import com.towerco.events.payload.incident.TechnicianOnSite;
import com.towerco.events.payload.incident.WorkCompleted;
import com.towerco.events.payload.incident.WorkVerified;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code evolve(state, event) -> state} for incidents: a pure fold, so the command processor,
 * every read model and a rebuild from the topic all reach the same state. A refused command
 * changes nothing and does not count as a version.
 */
public final class IncidentEvolution {
  private IncidentEvolution() {}

  public static Incident evolve(Incident s, IncidentEvent event) {
    if (event instanceof IncidentOpened e) {
      return new Incident(e.incidentId(), 1, IncidentStatus.OPEN,
          new Incident.Facts(e.title(), e.severity(), e.rootCause(), e.alertIds(),
              e.affectedSites(), e.affectedTenants(), e.openedAt(), e.rankedCauses(),
              e.alertSites()),
          Incident.Handling.NONE, List.of(), e.openedAt());
    }
    if (s == null || event instanceof IncidentCommandRejected) {
      return s;
    }
    Incident.Facts f = s.facts();
    Incident.Handling h = s.handling();
    if (event instanceof IncidentAlertAttached e) {
      List<String> tenants = e.affectedTenants() == null ? List.of() : e.affectedTenants();
      Incident.Facts facts = new Incident.Facts(f.title(), f.severity(), f.rootCause(),
          union(f.alertIds(), List.of(e.alertId())), union(f.affectedSites(),
              List.of(e.siteId())), union(f.affectedTenants(), tenants), f.openedAt(),
          f.rankedCauses(), withEntry(f.alertSites(), e.alertId(), e.siteId()));
      return next(s, s.status(), facts, handling(h, false), s.dispatches(), e.attachedAt());
    }
    if (event instanceof IncidentRootCauseChanged e) {
      return next(s, s.status(), f.withCauses(e.rootCause(), e.rankedCauses()), h,
          s.dispatches(), e.changedAt());
    }
    if (event instanceof IncidentAcknowledged e) {
      return next(s, IncidentStatus.ACKNOWLEDGED, f, new Incident.Handling(e.by(),
          e.acknowledgedAt(), h.assignee(), h.notes(), h.symptomsCleared(), h.resolution(),
          h.resolvedBy(), h.resolvedAt(), h.closedAt()), s.dispatches(), e.acknowledgedAt());
    }
    if (event instanceof IncidentAssigned e) {
      return next(s, s.status(), f, new Incident.Handling(h.acknowledgedBy(),
          h.acknowledgedAt(), e.assignee(), h.notes(), h.symptomsCleared(), h.resolution(),
          h.resolvedBy(), h.resolvedAt(), h.closedAt()), s.dispatches(), e.assignedAt());
    }
    if (event instanceof IncidentNoteAdded e) {
      return next(s, s.status(), f, new Incident.Handling(h.acknowledgedBy(),
          h.acknowledgedAt(), h.assignee(), h.notes() + 1, h.symptomsCleared(), h.resolution(),
          h.resolvedBy(), h.resolvedAt(), h.closedAt()), s.dispatches(), e.addedAt());
    }
    if (event instanceof IncidentSymptomsCleared e) {
      return next(s, s.status(), f, handling(h, true), s.dispatches(), e.clearedAt());
    }
    if (event instanceof IncidentResolved e) {
      return next(s, IncidentStatus.RESOLVED, f, new Incident.Handling(h.acknowledgedBy(),
          h.acknowledgedAt(), h.assignee(), h.notes(), h.symptomsCleared(), e.resolution(),
          e.resolvedBy(),
          e.resolvedAt(), null), s.dispatches(), e.resolvedAt());
    }
    if (event instanceof IncidentClosed e) {
      return next(s, IncidentStatus.CLOSED, f, new Incident.Handling(h.acknowledgedBy(),
          h.acknowledgedAt(), h.assignee(), h.notes(), h.symptomsCleared(), h.resolution(),
          h.resolvedBy(), h.resolvedAt(), e.closedAt()), s.dispatches(), e.closedAt());
    }
    if (event instanceof IncidentReopened e) {
      return next(s, IncidentStatus.OPEN, f, new Incident.Handling(null, null, h.assignee(),
          h.notes(), false, null, null, null, null), s.dispatches(), e.reopenedAt());
    }
    return dispatchEvent(s, event);
  }

  private static Incident dispatchEvent(Incident s, IncidentEvent event) {
    if (event instanceof DispatchRequested e) {
      List<Dispatch> dispatches = new ArrayList<>(s.dispatches());
      dispatches.add(new Dispatch(e.dispatchId(), e.siteId(), e.reason(),
          DispatchStep.REQUESTED, null, e.requestedAt(), e.dueAt(), 0));
      return next(s, s.status(), s.facts(), s.handling(), dispatches, e.requestedAt());
    }
    if (event instanceof TechnicianAssigned e) {
      return withDispatch(s, e.dispatchId(), e.assignedAt(),
          d -> d.at(DispatchStep.TECHNICIAN_ASSIGNED, e.technician(), e.dueAt()));
    }
    if (event instanceof TechnicianOnSite e) {
      return withDispatch(s, e.dispatchId(), e.arrivedAt(),
          d -> d.at(DispatchStep.ON_SITE, e.technician(), e.dueAt()));
    }
    if (event instanceof WorkCompleted e) {
      return withDispatch(s, e.dispatchId(), e.completedAt(),
          d -> d.at(DispatchStep.WORK_DONE, d.technician(), e.dueAt()));
    }
    if (event instanceof WorkVerified e) {
      return withDispatch(s, e.dispatchId(), e.verifiedAt(),
          d -> d.at(DispatchStep.VERIFIED, d.technician(), null));
    }
    if (event instanceof DispatchCancelled e) {
      return withDispatch(s, e.dispatchId(), e.cancelledAt(),
          d -> d.at(DispatchStep.CANCELLED, d.technician(), null));
    }
    if (event instanceof DispatchEscalated e) {
      return withDispatch(s, e.dispatchId(), e.escalatedAt(),
          d -> d.escalated(e.level(), e.dueAt()));
    }
    throw new IllegalArgumentException("unhandled incident event " + event.getClass());
  }

  private static Incident withDispatch(Incident s, String dispatchId, Instant at,
      UnaryOperator<Dispatch> change) {
    List<Dispatch> dispatches = new ArrayList<>();
    for (Dispatch d : s.dispatches()) {
      dispatches.add(d.dispatchId().equals(dispatchId) ? change.apply(d) : d);
    }
    return next(s, s.status(), s.facts(), s.handling(), dispatches, at);
  }

  private static Incident next(Incident s, IncidentStatus status, Incident.Facts facts,
      Incident.Handling handling, List<Dispatch> dispatches, Instant at) {
    return new Incident(s.incidentId(), s.version() + 1, status, facts, handling, dispatches,
        at);
  }

  private static Incident.Handling handling(Incident.Handling h, boolean symptomsCleared) {
    return new Incident.Handling(h.acknowledgedBy(), h.acknowledgedAt(), h.assignee(),
        h.notes(), symptomsCleared, h.resolution(), h.resolvedBy(), h.resolvedAt(),
        h.closedAt());
  }

  private static List<String> union(List<String> a, List<String> b) {
    if (a.containsAll(b)) {
      return a;
    }
    LinkedHashSet<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static Map<String, String> withEntry(Map<String, String> map, String key,
      String value) {
    Map<String, String> copy = new HashMap<>(map);
    copy.putIfAbsent(key, value);
    return copy;
  }
}
