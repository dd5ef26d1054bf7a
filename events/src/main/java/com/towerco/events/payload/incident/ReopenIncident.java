package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

/** Command: reopen a resolved or closed incident. */
@EventDefinition(name = "incident.reopen", version = "1.0", topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Command from a person: reopen a resolved or closed incident.")
public record ReopenIncident(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("The incident version the requester saw (optimistic concurrency); absent "
        + "for system commands.")
    @Range(min = 0, max = 100000000) Integer expectedVersion,
    @Description("Who asks (user name).") @Required @Text(100) String requestedBy,
    @Description("Why it is reopened.")
    @Required @Text(1000) String reason) implements IncidentCommand {}
