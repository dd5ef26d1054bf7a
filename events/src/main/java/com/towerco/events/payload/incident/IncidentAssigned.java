package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** The incident was given to a person or team. */
@EventDefinition(name = "incident.assigned", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "The incident was assigned.")
public record IncidentAssigned(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Owner.") @Required @Text(100) String assignee,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Event time.") @Required Instant assignedAt) implements IncidentEvent {}
