package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/**
 * A dispatch was cancelled before the technician arrived (by a person, or compensating an
 * incident that resolved by itself).
 */
@EventDefinition(name = "incident.dispatch-cancelled", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "A dispatch was cancelled before arrival.")
public record DispatchCancelled(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Dispatch (field visit) within the incident.")
    @Required @Text(64) String dispatchId,
    @Description("Why.") @Required @Text(1000) String reason,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Event time.") @Required Instant cancelledAt) implements IncidentEvent {}
