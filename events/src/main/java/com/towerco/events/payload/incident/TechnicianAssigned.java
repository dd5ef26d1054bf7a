package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** A technician took the dispatch. */
@EventDefinition(name = "incident.technician-assigned", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "A technician was assigned to the dispatch.")
public record TechnicianAssigned(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Dispatch (field visit) within the incident.")
    @Required @Text(64) String dispatchId,
    @Description("The technician.") @Required @Text(100) String technician,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Event time.") @Required Instant assignedAt,
    @Description("The technician must be on site by then.")
    @Required Instant dueAt) implements IncidentEvent {}
