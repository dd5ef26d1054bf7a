package com.towerco.events.payload.optimization;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** The optimization was approved. */
@EventDefinition(name = "optimization.approved", version = "1.0",
    topic = TopicFamily.OPTIMIZATION_LIFECYCLE,
    description = "The optimization was approved.")
public record OptimizationApproved(
    @Description("Optimization.") @Required @Text(64) String optimizationId,
    @Description("Who did it (user, technician or service).") @Required @Text(100) String by,
    @Description("Comment.") @Text(1000) String comment,
    @Description("Event time.") @Required Instant approvedAt) implements OptimizationEvent {}
