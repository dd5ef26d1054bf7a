package com.towerco.events.payload.refuel;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** The tank rose by less than was delivered: flagged for the fuel-theft detector. */
@EventDefinition(name = "refuel.discrepancy-flagged", version = "1.0",
    topic = TopicFamily.REFUEL_LIFECYCLE,
    description = "Delivered fuel is missing from the tank.")
public record RefuelDiscrepancyFlagged(
    @Description("Refuel order.") @Required @Text(64) String refuelId,
    @Description("Site.") @Required @Id String siteId,
    @Description("Litres reported delivered.")
    @Required @Range(min = 0, max = 100000) double litresDelivered,
    @Description("Level before.") @Required @Range(min = 0, max = 100000) double levelBeforeL,
    @Description("Level after.") @Required @Range(min = 0, max = 100000) double levelAfterL,
    @Description("Litres unaccounted for.") @Required @Range(min = 0, max = 100000) double missingL,
    @Description("Event time.") @Required Instant flaggedAt) implements RefuelEvent {}
