package com.towerco.incidents.domain.incident;

import com.towerco.events.payload.incident.AcknowledgeIncident;
import com.towerco.events.payload.incident.AddIncidentNote;
import com.towerco.events.payload.incident.AssignIncident;
import com.towerco.events.payload.incident.AttachAlert;
import com.towerco.events.payload.incident.ClearIncident;
import com.towerco.events.payload.incident.CloseIncident;
import com.towerco.events.payload.incident.IncidentAcknowledged;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentAssigned;
import com.towerco.events.payload.incident.IncidentClosed;
import com.towerco.events.payload.incident.IncidentCommand;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.incident.IncidentNoteAdded;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentReopened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.incident.IncidentRootCauseChanged;
import com.towerco.events.payload.incident.IncidentSymptomsCleared;
import com.towerco.events.payload.incident.OpenIncident;
import com.towerco.events.payload.incident.ReopenIncident;
import com.towerco.events.payload.incident.ResolveIncident;
import com.towerco.events.payload.incident.UpdateRootCause;
import com.towerco.incidents.domain.Decision;
import java.time.Instant;

/**
 * {@code decide(command, state) -> events} for incidents. The AIOps engine's commands are
 * idempotent (a repeat, or one overtaken by events, changes nothing); a person's command either
 * changes something or is refused with the reason. Field dispatch commands are decided by
 * {@link DispatchRules}.
 */
public final class IncidentDecider {
  private final DispatchRules dispatches;

  public IncidentDecider(DispatchSaga.Timeouts timeouts) {
    this.dispatches = new DispatchRules(timeouts);
  }

  public Decision<IncidentEvent> decide(Incident s, IncidentCommand command, Instant at) {
    if (command instanceof OpenIncident c) {
      return s != null ? Decision.ignore() : Decision.accept(new IncidentOpened(c.incidentId(),
          c.title(), c.severity(), c.rootCause(), c.alertIds(), c.affectedSites(),
          c.affectedTenants(), c.detectedAt(), c.rankedCauses(), c.alertSites()));
    }
    if (s == null) {
      return command.expectedVersion() == null ? Decision.ignore()
          : Decision.notFound("incident " + command.incidentId() + " not found");
    }
    if (command instanceof AttachAlert c) {
      boolean known = s.facts().alertIds().contains(c.alertId())
          && s.facts().affectedSites().contains(c.siteId())
          && s.facts().affectedTenants().containsAll(c.affectedTenants());
      return !s.status().active() || known ? Decision.ignore()
          : Decision.accept(new IncidentAlertAttached(c.incidentId(), c.alertId(), c.siteId(),
              c.at(), c.affectedTenants()));
    }
    if (command instanceof ClearIncident c) {
      return clear(s, c);
    }
    if (command instanceof UpdateRootCause c) {
      boolean same = c.rootCause().equals(s.facts().rootCause())
          && c.rankedCauses().equals(s.facts().rankedCauses());
      return !s.status().active() || same ? Decision.ignore()
          : Decision.accept(new IncidentRootCauseChanged(c.incidentId(), c.rootCause(),
              c.rankedCauses(), c.reason(), c.at()));
    }
    if (command instanceof AcknowledgeIncident c) {
      if (s.status() != IncidentStatus.OPEN) {
        return Decision.illegal(s.status() == IncidentStatus.ACKNOWLEDGED
            ? "already acknowledged by " + s.handling().acknowledgedBy()
            : "cannot acknowledge a " + s.status().wireName() + " incident");
      }
      return Decision.accept(new IncidentAcknowledged(c.incidentId(), c.requestedBy(),
          c.comment(), at));
    }
    if (command instanceof AssignIncident c) {
      if (!s.status().active()) {
        return Decision.illegal("cannot assign a " + s.status().wireName() + " incident");
      }
      if (c.assignee().equals(s.handling().assignee())) {
        return Decision.illegal("already assigned to " + c.assignee());
      }
      return Decision.accept(new IncidentAssigned(c.incidentId(), c.assignee(),
          c.requestedBy(), at));
    }
    if (command instanceof AddIncidentNote c) {
      return Decision.accept(new IncidentNoteAdded(c.incidentId(),
          "n" + (s.handling().notes() + 1), c.text(), c.requestedBy(), c.sharedWithTenants(),
          at));
    }
    return people(s, command, at);
  }

  private Decision<IncidentEvent> people(Incident s, IncidentCommand command, Instant at) {
    if (command instanceof ResolveIncident c) {
      if (!s.status().active()) {
        return Decision.illegal("the incident is already " + s.status().wireName());
      }
      return Decision.accept(new IncidentResolved(c.incidentId(), at, c.resolution(),
          c.requestedBy()));
    }
    if (command instanceof CloseIncident c) {
      if (s.status() != IncidentStatus.RESOLVED) {
        return Decision.illegal("only a resolved incident can be closed; it is "
            + s.status().wireName());
      }
      var open = s.dispatches().stream().filter(Dispatch::active).findFirst();
      if (open.isPresent()) {
        return Decision.illegal("dispatch " + open.get().dispatchId() + " is still "
            + open.get().step().name().toLowerCase(java.util.Locale.ROOT));
      }
      return Decision.accept(new IncidentClosed(c.incidentId(), c.requestedBy(), c.comment(),
          at));
    }
    if (command instanceof ReopenIncident c) {
      if (s.status().active()) {
        return Decision.illegal("the incident is " + s.status().wireName()
            + "; only a resolved or closed incident can be reopened");
      }
      return Decision.accept(new IncidentReopened(c.incidentId(), c.requestedBy(), c.reason(),
          at));
    }
    return dispatches.decide(s, command, at);
  }

  /**
   * Every symptom cleared: the incident resolves by itself, unless a technician is at work on
   * site; then the clear is recorded and the verification of the work resolves it.
   */
  private static Decision<IncidentEvent> clear(Incident s, ClearIncident c) {
    if (!s.status().active()) {
      return Decision.ignore();
    }
    if (s.takenOverInTheField()) {
      return s.handling().symptomsCleared() ? Decision.ignore()
          : Decision.accept(new IncidentSymptomsCleared(c.incidentId(), c.resolution(),
              c.clearedAt()));
    }
    return Decision.accept(new IncidentResolved(c.incidentId(), c.clearedAt(), c.resolution(),
        null));
  }
}
