package com.towerco.events.payload.optimization;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

/** Command: a person reports an approved optimization applied on site. */
@EventDefinition(name = "optimization.apply", version = "1.0",
    topic = TopicFamily.OPTIMIZATION_COMMANDS,
    description = "Command from a person: the optimization was applied on site.")
public record ApplyOptimization(
    @Description("Optimization.") @Required @Text(64) String optimizationId,
    @Description("The optimization version the requester saw (optimistic concurrency).")
    @Range(min = 0, max = 100000000) Integer expectedVersion,
    @Description("Who asks (user name).") @Required @Text(100) String requestedBy,
    @Description("Comment.") @Text(1000) String comment) implements OptimizationCommand {}
