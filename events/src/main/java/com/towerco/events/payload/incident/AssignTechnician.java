package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

/** Command: a technician takes the dispatch. */
@EventDefinition(name = "incident.assign-technician", version = "1.0",
    topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Command from field operations: a technician is assigned to the dispatch.")
public record AssignTechnician(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("The incident version the requester saw (optimistic concurrency); absent "
        + "for system commands.")
    @Range(min = 0, max = 100000000) Integer expectedVersion,
    @Description("Who asks (user name).") @Required @Text(100) String requestedBy,
    @Description("Dispatch (field visit) within the incident.")
    @Required @Text(64) String dispatchId,
    @Description("The technician.")
    @Required @Text(100) String technician) implements IncidentCommand {}
