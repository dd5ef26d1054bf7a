package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** The NOC verified the field work; the dispatch is complete. */
@EventDefinition(name = "incident.work-verified", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "The field work was verified.")
public record WorkVerified(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Dispatch (field visit) within the incident.")
    @Required @Text(64) String dispatchId,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Comment.") @Text(1000) String comment,
    @Description("Event time.") @Required Instant verifiedAt) implements IncidentEvent {}
