package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

/** Command: give the incident to a person or team. */
@EventDefinition(name = "incident.assign", version = "1.0", topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Command from a person: assign the incident to someone.")
public record AssignIncident(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("The incident version the requester saw (optimistic concurrency); absent "
        + "for system commands.")
    @Range(min = 0, max = 100000000) Integer expectedVersion,
    @Description("Who asks (user name).") @Required @Text(100) String requestedBy,
    @Description("Person or team to own it.")
    @Required @Text(100) String assignee) implements IncidentCommand {}
