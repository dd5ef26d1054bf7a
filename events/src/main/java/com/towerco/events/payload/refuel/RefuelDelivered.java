package com.towerco.events.payload.refuel;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** Fuel was delivered (as reported from the field). */
@EventDefinition(name = "refuel.delivered", version = "1.0", topic = TopicFamily.REFUEL_LIFECYCLE,
    description = "Fuel was delivered.")
public record RefuelDelivered(
    @Description("Refuel order.") @Required @Text(64) String refuelId,
    @Description("Site.") @Required @Id String siteId,
    @Description("Litres delivered.") @Required @Range(min = 0, max = 100000) double litres,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Event time.") @Required Instant deliveredAt) implements RefuelEvent {}
