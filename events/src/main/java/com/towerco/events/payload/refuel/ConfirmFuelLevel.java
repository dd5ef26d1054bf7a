package com.towerco.events.payload.refuel;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/**
 * Command from the refuelling saga: the tank level seen in telemetry before and after the
 * delivery.
 */
@EventDefinition(name = "refuel.confirm-level", version = "1.0",
    topic = TopicFamily.REFUEL_COMMANDS,
    description = "Command from the refuelling saga: the level before and after delivery.")
public record ConfirmFuelLevel(
    @Description("Refuel order.") @Required @Text(64) String refuelId,
    @Description("Level before the delivery.")
    @Required @Range(min = 0, max = 100000) double levelBeforeL,
    @Description("Level after the delivery settled.")
    @Required @Range(min = 0, max = 100000) double levelAfterL,
    @Description("Time of the reading after.")
    @Required Instant observedAt) implements RefuelCommand {}
