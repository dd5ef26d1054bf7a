package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** A note joined the incident's timeline. */
@EventDefinition(name = "incident.note-added", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "A note was added to the incident.")
public record IncidentNoteAdded(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Note id within the incident.") @Required @Text(64) String noteId,
    @Description("The note.") @Required @Text(4000) String text,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Copied to the affected tenants.") @Required boolean sharedWithTenants,
    @Description("Event time.") @Required Instant addedAt) implements IncidentEvent {}
