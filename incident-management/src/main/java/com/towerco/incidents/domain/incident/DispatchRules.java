package com.towerco.incidents.domain.incident;

import com.towerco.events.payload.incident.AssignTechnician;
import com.towerco.events.payload.incident.CancelDispatch;
import com.towerco.events.payload.incident.DispatchCancelled;
import com.towerco.events.payload.incident.DispatchEscalated;
import com.towerco.events.payload.incident.DispatchRequested;
import com.towerco.events.payload.incident.DispatchStep;
import com.towerco.events.payload.incident.EscalateDispatch;
import com.towerco.events.payload.incident.IncidentCommand;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.incident.ReportArrival;
import com.towerco.events.payload.incident.ReportWorkDone;
import com.towerco.events.payload.incident.RequestDispatch;
import com.towerco.events.payload.incident.TechnicianAssigned;
import com.towerco.events.payload.incident.TechnicianOnSite;
import com.towerco.events.payload.incident.VerifyWork;
import com.towerco.events.payload.incident.WorkCompleted;
import com.towerco.events.payload.incident.WorkVerified;
import com.towerco.incidents.domain.Decision;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The incident's rules for field dispatches, one step at a time: each accepted step records
 * when the next one is due, which is what the {@link DispatchSaga} escalates on.
 */
final class DispatchRules {
  private final DispatchSaga.Timeouts timeouts;

  DispatchRules(DispatchSaga.Timeouts timeouts) {
    this.timeouts = timeouts;
  }

  Decision<IncidentEvent> decide(Incident s, IncidentCommand command, Instant at) {
    if (command instanceof RequestDispatch c) {
      if (!s.status().active()) {
        return Decision.illegal("cannot dispatch to a " + s.status().wireName() + " incident");
      }
      if (!s.affects(c.siteId())) {
        return Decision.illegal("site " + c.siteId() + " is not affected by this incident");
      }
      if (s.dispatches().stream().anyMatch(d -> d.active() && d.siteId().equals(c.siteId()))) {
        return Decision.illegal("a dispatch to " + c.siteId() + " is already in progress");
      }
      return Decision.accept(new DispatchRequested(c.incidentId(),
          "d" + (s.dispatches().size() + 1), c.siteId(), c.reason(), c.requestedBy(), at,
          at.plus(timeouts.after(DispatchStep.REQUESTED))));
    }
    String dispatchId = dispatchIdOf(command);
    Optional<Dispatch> found = s.dispatch(dispatchId);
    if (found.isEmpty()) {
      return command.expectedVersion() == null ? Decision.ignore()
          : Decision.notFound("dispatch " + dispatchId + " not found");
    }
    Dispatch d = found.get();
    if (command instanceof EscalateDispatch c) {
      boolean stillDue = d.active() && d.step() == c.step() && c.dueAt().equals(d.dueAt());
      return !stillDue ? Decision.ignore() : Decision.accept(new DispatchEscalated(
          c.incidentId(), d.dispatchId(), d.step(), d.escalations() + 1, c.dueAt(), at,
          at.plus(timeouts.after(d.step()))));
    }
    if (command instanceof CancelDispatch c) {
      if (!d.beforeArrival()) {
        return c.expectedVersion() == null ? Decision.ignore()
            : Decision.illegal(refusal(d, "cancelled"));
      }
      return Decision.accept(new DispatchCancelled(c.incidentId(), d.dispatchId(), c.reason(),
          c.requestedBy(), at));
    }
    if (command instanceof AssignTechnician c) {
      if (!s.status().active() || !d.beforeArrival()) {
        return Decision.illegal(s.status().active() ? refusal(d, "assigned a technician")
            : "the incident is " + s.status().wireName());
      }
      return Decision.accept(new TechnicianAssigned(c.incidentId(), d.dispatchId(),
          c.technician(), c.requestedBy(), at,
          at.plus(timeouts.after(DispatchStep.TECHNICIAN_ASSIGNED))));
    }
    if (command instanceof ReportArrival c) {
      if (d.step() != DispatchStep.TECHNICIAN_ASSIGNED || s.status() == IncidentStatus.CLOSED) {
        return Decision.illegal(refusal(d, "reported on site"));
      }
      return Decision.accept(new TechnicianOnSite(c.incidentId(), d.dispatchId(),
          d.technician(), c.requestedBy(), at, at.plus(timeouts.after(DispatchStep.ON_SITE))));
    }
    if (command instanceof ReportWorkDone c) {
      if (d.step() != DispatchStep.ON_SITE) {
        return Decision.illegal(refusal(d, "reported done"));
      }
      return Decision.accept(new WorkCompleted(c.incidentId(), d.dispatchId(), c.summary(),
          c.requestedBy(), at, at.plus(timeouts.after(DispatchStep.WORK_DONE))));
    }
    if (command instanceof VerifyWork c) {
      if (d.step() != DispatchStep.WORK_DONE) {
        return Decision.illegal(refusal(d, "verified"));
      }
      WorkVerified verified = new WorkVerified(c.incidentId(), d.dispatchId(), c.requestedBy(),
          c.comment(), at);
      if (s.status().active() && s.handling().symptomsCleared()) {
        return Decision.accept(verified, new IncidentResolved(c.incidentId(), at,
            "symptoms cleared and field work " + d.dispatchId() + " verified", c.requestedBy()));
      }
      return Decision.accept(verified);
    }
    throw new IllegalArgumentException("unhandled incident command " + command.getClass());
  }

  private static String dispatchIdOf(IncidentCommand command) {
    if (command instanceof AssignTechnician c) {
      return c.dispatchId();
    } else if (command instanceof ReportArrival c) {
      return c.dispatchId();
    } else if (command instanceof ReportWorkDone c) {
      return c.dispatchId();
    } else if (command instanceof VerifyWork c) {
      return c.dispatchId();
    } else if (command instanceof CancelDispatch c) {
      return c.dispatchId();
    } else if (command instanceof EscalateDispatch c) {
      return c.dispatchId();
    }
    throw new IllegalArgumentException("not a dispatch command: " + command.getClass());
  }

  private static String refusal(Dispatch d, String what) {
    return "dispatch " + d.dispatchId() + " is " + d.step().name().toLowerCase(Locale.ROOT)
        .replace('_', ' ') + " and cannot be " + what;
  }
}
