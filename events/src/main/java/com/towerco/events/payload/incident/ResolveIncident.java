package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

/** Command: a person declares the problem fixed. */
@EventDefinition(name = "incident.resolve", version = "1.0", topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Command from a person: resolve the incident.")
public record ResolveIncident(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("The incident version the requester saw (optimistic concurrency); absent "
        + "for system commands.")
    @Range(min = 0, max = 100000000) Integer expectedVersion,
    @Description("Who asks (user name).") @Required @Text(100) String requestedBy,
    @Description("How it was fixed.")
    @Required @Text(1000) String resolution) implements IncidentCommand {}
