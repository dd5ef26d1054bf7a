package com.towerco.incidents.domain.incident;

import com.towerco.events.payload.incident.CancelDispatch;
import com.towerco.events.payload.incident.DispatchStep;
import com.towerco.events.payload.incident.EscalateDispatch;
import com.towerco.events.payload.incident.IncidentCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The field-dispatch saga, by choreography: dispatch requested, technician assigned, on site,
 * work done, verified. Each step's event carries when the next is due; this class reads an
 * incident's state and says which commands the saga needs now: an escalation for every step
 * past its deadline, and a compensating cancel for every dispatch still on its way when the
 * incident has resolved. Its state is the incident's, so it survives restarts with it; time
 * is an input (the scheduler's firing time), never read here.
 */
public final class DispatchSaga {
  /** Association key: the incident id (the record key), then the dispatch id within it. */
  public static final String ACTOR = "dispatch-saga";
  public static final Duration ASSIGN_WITHIN = Duration.ofMinutes(30);
  public static final Duration ARRIVE_WITHIN = Duration.ofHours(4);
  public static final Duration WORK_WITHIN = Duration.ofHours(4);
  public static final Duration VERIFY_WITHIN = Duration.ofHours(1);
  /** After this many escalations of one step the saga stops escalating it. */
  public static final int MAX_ESCALATIONS = 3;

  private final Timeouts timeouts;

  public DispatchSaga(Timeouts timeouts) {
    this.timeouts = timeouts;
  }

  /** How long each step may take before it escalates. */
  public record Timeouts(Duration assign, Duration arrive, Duration work, Duration verify) {
    public static final Timeouts DEFAULTS =
        new Timeouts(ASSIGN_WITHIN, ARRIVE_WITHIN, WORK_WITHIN, VERIFY_WITHIN);

    /** The time allowed for the step that follows {@code step}. */
    public Duration after(DispatchStep step) {
      return switch (step) {
        case REQUESTED -> assign;
        case TECHNICIAN_ASSIGNED -> arrive;
        case ON_SITE -> work;
        case WORK_DONE -> verify;
        case VERIFIED, CANCELLED -> Duration.ZERO;
      };
    }
  }

  public Timeouts timeouts() {
    return timeouts;
  }

  /** The commands the saga issues for this incident at {@code now}. */
  public List<IncidentCommand> next(Incident incident, Instant now) {
    List<IncidentCommand> commands = new ArrayList<>();
    if (incident == null) {
      return commands;
    }
    boolean over = !incident.status().active();
    for (Dispatch d : incident.dispatches()) {
      if (over && d.beforeArrival()) {
        commands.add(new CancelDispatch(incident.incidentId(), null, ACTOR, d.dispatchId(),
            "incident " + incident.status().wireName() + " before the technician arrived"));
      } else if (d.active() && d.dueAt() != null && !now.isBefore(d.dueAt())
          && d.escalations() < MAX_ESCALATIONS) {
        commands.add(new EscalateDispatch(incident.incidentId(), d.dispatchId(), d.step(),
            d.dueAt()));
      }
    }
    return commands;
  }

  /** True while the saga may still have something to do for this incident. */
  public static boolean engaged(Incident incident) {
    return incident != null && incident.hasActiveDispatch();
  }
}
