package com.towerco.events.payload.refuel;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** Telemetry shows the tank rose by what was delivered. */
@EventDefinition(name = "refuel.level-confirmed", version = "1.0",
    topic = TopicFamily.REFUEL_LIFECYCLE,
    description = "The delivered fuel is in the tank.")
public record RefuelLevelConfirmed(
    @Description("Refuel order.") @Required @Text(64) String refuelId,
    @Description("Site.") @Required @Id String siteId,
    @Description("Litres reported delivered.")
    @Required @Range(min = 0, max = 100000) double litresDelivered,
    @Description("Level before.") @Required @Range(min = 0, max = 100000) double levelBeforeL,
    @Description("Level after.") @Required @Range(min = 0, max = 100000) double levelAfterL,
    @Description("Event time.") @Required Instant confirmedAt) implements RefuelEvent {}
