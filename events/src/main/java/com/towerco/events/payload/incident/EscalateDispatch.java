package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/**
 * Command: a dispatch step's deadline passed (a scheduler firing, itself an event); escalates
 * if the dispatch is still at that step.
 */
@EventDefinition(name = "incident.escalate-dispatch", version = "1.0",
    topic = TopicFamily.INCIDENT_COMMANDS,
    description = "Timer firing: a dispatch step is overdue.")
public record EscalateDispatch(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Dispatch (field visit) within the incident.")
    @Required @Text(64) String dispatchId,
    @Description("The step the dispatch was in when the timer was set.")
    @Required DispatchStep step,
    @Description("The deadline that passed.") @Required Instant dueAt) implements IncidentCommand {}
