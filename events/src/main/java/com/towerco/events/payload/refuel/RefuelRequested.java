package com.towerco.events.payload.refuel;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** An extra fuel delivery was ordered. */
@EventDefinition(name = "refuel.requested", version = "1.0", topic = TopicFamily.REFUEL_LIFECYCLE,
    description = "A refuel was requested.")
public record RefuelRequested(
    @Description("Refuel order.") @Required @Text(64) String refuelId,
    @Description("Site.") @Required @Id String siteId,
    @Description("Litres to deliver.") @Required @Range(min = 0, max = 100000) double litres,
    @Description("Deadline.") @Required Instant deliverBy,
    @Description("Event time.") @Required Instant requestedAt) implements RefuelEvent {}
