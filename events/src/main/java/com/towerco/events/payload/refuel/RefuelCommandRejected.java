package com.towerco.events.payload.refuel;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.RejectionCode;

import java.time.Instant;

/**
 * A person's command was refused against the state it met (a concurrent change got there
 * first); nothing else was written.
 */
@EventDefinition(name = "refuel.command-rejected", version = "1.0",
    topic = TopicFamily.REFUEL_LIFECYCLE,
    description = "Command refused: stale version, illegal transition or unknown refuel order; the "
        + "audit trail of the refusal.")
public record RefuelCommandRejected(
    @Description("Refuel order.") @Required @Text(64) String refuelId,
    @Description("The refused command's event id.") @Required @Text(64) String commandId,
    @Description("The refused command's event type.") @Required @Text(100) String commandType,
    @Description("Why: not_found, stale_version or illegal_transition.")
    @Required RejectionCode code,
    @Description("The reason, for people.") @Required @Text(1000) String reason,
    @Description("The version the command expected.")
    @Range(min = 0, max = 100000000) Integer expectedVersion,
    @Description("The version it met.")
    @Required @Range(min = 0, max = 100000000) int actualVersion,
    @Description("Event time of the refusal.")
    @Required Instant rejectedAt) implements RefuelEvent {}
