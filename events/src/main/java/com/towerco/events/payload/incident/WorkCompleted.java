package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** The technician reported the work done. */
@EventDefinition(name = "incident.work-completed", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "The field work is done.")
public record WorkCompleted(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Dispatch (field visit) within the incident.")
    @Required @Text(64) String dispatchId,
    @Description("What was done.") @Required @Text(2000) String summary,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Event time.") @Required Instant completedAt,
    @Description("The NOC must verify by then.")
    @Required Instant dueAt) implements IncidentEvent {}
