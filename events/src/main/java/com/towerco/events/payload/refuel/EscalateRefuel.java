package com.towerco.events.payload.refuel;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** Command: a refuel's delivery deadline passed (a scheduler firing, itself an event). */
@EventDefinition(name = "refuel.escalate", version = "1.0", topic = TopicFamily.REFUEL_COMMANDS,
    description = "Timer firing: a refuel delivery is overdue.")
public record EscalateRefuel(
    @Description("Refuel order.") @Required @Text(64) String refuelId,
    @Description("The deadline that passed.") @Required Instant dueAt) implements RefuelCommand {}
