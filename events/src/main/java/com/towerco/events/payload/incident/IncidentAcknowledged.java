package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** A person acknowledged the incident. */
@EventDefinition(name = "incident.acknowledged", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "The incident was acknowledged.")
public record IncidentAcknowledged(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Comment.") @Text(1000) String comment,
    @Description("Event time.") @Required Instant acknowledgedAt) implements IncidentEvent {}
