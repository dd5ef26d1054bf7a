package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** A field dispatch was requested (first step of the dispatch saga). */
@EventDefinition(name = "incident.dispatch-requested", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "A field dispatch was requested.")
public record DispatchRequested(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Dispatch (field visit) within the incident.")
    @Required @Text(64) String dispatchId,
    @Description("Site.") @Required @Id String siteId,
    @Description("What the technician must do.") @Required @Text(1000) String reason,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Event time.") @Required Instant requestedAt,
    @Description("A technician must be assigned by then.")
    @Required Instant dueAt) implements IncidentEvent {}
