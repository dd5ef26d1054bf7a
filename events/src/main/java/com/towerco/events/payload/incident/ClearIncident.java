package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/**
 * Command: every symptom of the incident has cleared and stayed clear (from the AIOps engine).
 * The incident service resolves the incident unless a person has taken it over.
 */
@EventDefinition(name = "incident.clear", version = "1.0", topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Command from the AIOps engine: every symptom of the incident has cleared.")
public record ClearIncident(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Event time the last symptom cleared.") @Required Instant clearedAt,
    @Description("What cleared.")
    @Required @Text(1000) String resolution) implements IncidentCommand {}
