package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

/**
 * Command: cancel a dispatch before the technician arrives (a person, or the dispatch saga
 * compensating when the incident resolves by itself).
 */
@EventDefinition(name = "incident.cancel-dispatch", version = "1.0",
    topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Command: cancel a dispatch that has not reached the site.")
public record CancelDispatch(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("The incident version the requester saw (optimistic concurrency); absent "
        + "for system commands.")
    @Range(min = 0, max = 100000000) Integer expectedVersion,
    @Description("Who asks (user name).") @Required @Text(100) String requestedBy,
    @Description("Dispatch (field visit) within the incident.")
    @Required @Text(64) String dispatchId,
    @Description("Why.") @Required @Text(1000) String reason) implements IncidentCommand {}
