package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/**
 * The incident's problem cleared: every symptom alert resolved ({@code resolvedBy} absent), or
 * a person resolved it ({@code resolvedBy} names them).
 */
@EventDefinition(name = "incident.resolved", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "The incident's problem cleared.")
public record IncidentResolved(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Event time.") @Required Instant resolvedAt,
    @Description("How it ended.") @Required @Text(1000) String resolution,
    @Description("The person who resolved it; absent when every symptom cleared by itself.")
    @Text(100) String resolvedBy) implements IncidentEvent {}
