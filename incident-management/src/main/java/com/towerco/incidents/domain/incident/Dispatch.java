package com.towerco.incidents.domain.incident;

import com.towerco.events.payload.incident.DispatchStep;
import java.time.Instant;

/**
 * One field visit of an incident, as the dispatch saga tracks it: the step it is in, who
 * goes, when the next step is due and how often it has been escalated.
 */
public record Dispatch(String dispatchId, String siteId, String reason, DispatchStep step,
    String technician, Instant requestedAt, Instant dueAt, int escalations) {

  /** Still in progress (neither verified nor cancelled). */
  public boolean active() {
    return step != DispatchStep.VERIFIED && step != DispatchStep.CANCELLED;
  }

  /** No technician has reached the site yet; the dispatch can still be called off. */
  public boolean beforeArrival() {
    return step == DispatchStep.REQUESTED || step == DispatchStep.TECHNICIAN_ASSIGNED;
  }

  /** A technician is at work on site (arrived, work not yet verified). */
  public boolean atWork() {
    return step == DispatchStep.ON_SITE || step == DispatchStep.WORK_DONE;
  }

  Dispatch at(DispatchStep next, String technician, Instant due) {
    return new Dispatch(dispatchId, siteId, reason, next, technician, requestedAt, due, 0);
  }

  Dispatch escalated(int level, Instant due) {
    return new Dispatch(dispatchId, siteId, reason, step, technician, requestedAt, due, level);
  }
}
