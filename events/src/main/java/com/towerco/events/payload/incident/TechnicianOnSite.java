package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** The technician arrived on site. */
@EventDefinition(name = "incident.technician-on-site", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "The technician is on site.")
public record TechnicianOnSite(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Dispatch (field visit) within the incident.")
    @Required @Text(64) String dispatchId,
    @Description("The technician.") @Required @Text(100) String technician,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Event time.") @Required Instant arrivedAt,
    @Description("The work must be done by then.")
    @Required Instant dueAt) implements IncidentEvent {}
