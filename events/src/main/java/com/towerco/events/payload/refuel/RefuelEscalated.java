package com.towerco.events.payload.refuel;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** A refuel missed its delivery deadline and was escalated. */
@EventDefinition(name = "refuel.escalated", version = "1.0", topic = TopicFamily.REFUEL_LIFECYCLE,
    description = "A refuel delivery is overdue.")
public record RefuelEscalated(
    @Description("Refuel order.") @Required @Text(64) String refuelId,
    @Description("Site.") @Required @Id String siteId,
    @Description("Escalation level.") @Required @Range(min = 1, max = 100) int level,
    @Description("The deadline that passed.") @Required Instant overdueSince,
    @Description("Event time.") @Required Instant escalatedAt,
    @Description("Next deadline.") @Required Instant dueAt) implements RefuelEvent {}
