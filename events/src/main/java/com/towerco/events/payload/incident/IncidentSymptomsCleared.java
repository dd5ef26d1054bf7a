package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/**
 * Every symptom cleared while a technician was working on site: the incident stays open until
 * the work is verified.
 */
@EventDefinition(name = "incident.symptoms-cleared", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "The symptoms cleared while field work is in progress; the incident resolves "
        + "when the work is verified.")
public record IncidentSymptomsCleared(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("What the AIOps engine saw.") @Required @Text(1000) String resolution,
    @Description("Event time.") @Required Instant clearedAt) implements IncidentEvent {}
