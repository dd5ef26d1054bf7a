package com.towerco.events.payload.incident;

import com.towerco.events.payload.Payload;

/**
 * A command to the incident aggregate (key = incident id), from the AIOps engine, from people
 * through the HTTP API, or from the dispatch saga's scheduler. The incident service decides
 * each against the incident's state and records the outcome as {@link IncidentEvent}s.
 */
public sealed interface IncidentCommand extends Payload
    permits AcknowledgeIncident, AddIncidentNote, AssignIncident, AssignTechnician,
        AttachAlert, CancelDispatch, ClearIncident, CloseIncident, EscalateDispatch,
        OpenIncident, ReopenIncident, ReportArrival, ReportWorkDone, RequestDispatch,
        ResolveIncident, UpdateRootCause, VerifyWork {
  /** The aggregate this belongs to; also the record key. */
  String incidentId();

  /**
   * The version a person's command expects (optimistic concurrency); null for commands from
   * the platform itself. Records with an {@code expected_version} field override this.
   */
  default Integer expectedVersion() {
    return null;
  }

  /** Who asked, for a person's command; null for commands from the platform itself. */
  default String requestedBy() {
    return null;
  }
}
