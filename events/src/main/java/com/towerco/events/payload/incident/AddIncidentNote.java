package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

/**
 * Command: add a note to the incident's timeline; shared notes are copied to the affected
 * tenants.
 */
@EventDefinition(name = "incident.add-note", version = "1.0", topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Command from a person: add a note to the incident.")
public record AddIncidentNote(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("The incident version the requester saw (optimistic concurrency); absent "
        + "for system commands.")
    @Range(min = 0, max = 100000000) Integer expectedVersion,
    @Description("Who asks (user name).") @Required @Text(100) String requestedBy,
    @Description("The note.") @Required @Text(4000) String text,
    @Description("Copy the note to the affected tenants' topics.")
    @Required boolean sharedWithTenants) implements IncidentCommand {}
