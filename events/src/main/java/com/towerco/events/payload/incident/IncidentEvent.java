package com.towerco.events.payload.incident;

import com.towerco.events.payload.Payload;

/**
 * An event in one incident's stream of truth (key = incident id), the incident aggregate's
 * event set. The incident service is its only writer; folding them in order gives the
 * incident's state.
 */
public sealed interface IncidentEvent extends Payload
    permits DispatchCancelled, DispatchEscalated, DispatchRequested, IncidentAcknowledged,
        IncidentAlertAttached, IncidentAssigned, IncidentClosed, IncidentCommandRejected,
        IncidentNoteAdded, IncidentOpened, IncidentReopened, IncidentResolved,
        IncidentRootCauseChanged,
        IncidentSymptomsCleared, TechnicianAssigned, TechnicianOnSite, WorkCompleted,
        WorkVerified {
  /** The aggregate this belongs to; also the record key. */
  String incidentId();
}
