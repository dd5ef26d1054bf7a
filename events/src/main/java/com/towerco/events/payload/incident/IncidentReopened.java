package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** A resolved or closed incident was reopened. */
@EventDefinition(name = "incident.reopened", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "The incident was reopened.")
public record IncidentReopened(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Why.") @Required @Text(1000) String reason,
    @Description("Event time.") @Required Instant reopenedAt) implements IncidentEvent {}
