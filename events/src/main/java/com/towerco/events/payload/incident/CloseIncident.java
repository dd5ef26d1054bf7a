package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

/** Command: close a resolved incident (no further work expected). */
@EventDefinition(name = "incident.close", version = "1.0", topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Command from a person: close a resolved incident.")
public record CloseIncident(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("The incident version the requester saw (optimistic concurrency); absent "
        + "for system commands.")
    @Range(min = 0, max = 100000000) Integer expectedVersion,
    @Description("Who asks (user name).") @Required @Text(100) String requestedBy,
    @Description("Optional comment.") @Text(1000) String comment) implements IncidentCommand {}
