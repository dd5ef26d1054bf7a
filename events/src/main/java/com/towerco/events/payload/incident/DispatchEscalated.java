package com.towerco.events.payload.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** A dispatch step missed its deadline and was escalated one level. */
@EventDefinition(name = "incident.dispatch-escalated", version = "1.0",
    topic = TopicFamily.INCIDENT_LIFECYCLE,
    description = "A dispatch step is overdue and was escalated.")
public record DispatchEscalated(
    @Description("Incident.") @Required @Text(64) String incidentId,
    @Description("Dispatch (field visit) within the incident.")
    @Required @Text(64) String dispatchId,
    @Description("The step that is overdue.") @Required DispatchStep step,
    @Description("Escalation level (1 = first escalation).")
    @Required @Range(min = 1, max = 100) int level,
    @Description("The deadline that passed.") @Required Instant overdueSince,
    @Description("Event time.") @Required Instant escalatedAt,
    @Description("Next deadline (escalates again if missed).")
    @Required Instant dueAt) implements IncidentEvent {}
