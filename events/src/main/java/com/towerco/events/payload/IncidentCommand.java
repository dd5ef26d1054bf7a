package com.towerco.events.payload;

/**
 * A command to the incident aggregate (key = incident id), from the AIOps engine, from people
 * through the HTTP API, or from the dispatch saga's scheduler. The incident service decides
 * each against the incident's state and records the outcome as {@link IncidentEvent}s.
 */
public sealed interface IncidentCommand extends Payload
    permits AcknowledgeIncident, AddIncidentNote, AssignIncident, AssignTechnician,
        AttachAlert, CancelDispatch, ClearIncident, CloseIncident, EscalateDispatch,
        OpenIncident, ReopenIncident, ReportArrival, ReportWorkDone, RequestDispatch,
        ResolveIncident, VerifyWork {
  /** The aggregate this belongs to; also the record key. */
  String incidentId();
}
