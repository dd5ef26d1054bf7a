package com.towerco.events.payload.optimization;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** The applied optimization was reverted. */
@EventDefinition(name = "optimization.rolled-back", version = "1.0",
    topic = TopicFamily.OPTIMIZATION_LIFECYCLE,
    description = "The optimization was rolled back.")
public record OptimizationRolledBack(
    @Description("Optimization.") @Required @Text(64) String optimizationId,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Why.") @Required @Text(1000) String reason,
    @Description("Event time.") @Required Instant rolledBackAt) implements OptimizationEvent {}
