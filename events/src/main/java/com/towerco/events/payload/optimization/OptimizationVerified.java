package com.towerco.events.payload.optimization;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/** Savings of an applied optimization were measured from later KPI events. */
@EventDefinition(name = "optimization.verified", version = "1.0",
    topic = TopicFamily.OPTIMIZATION_LIFECYCLE,
    description = "The optimization's savings were measured.")
public record OptimizationVerified(
    @Description("Optimization.") @Required @Text(64) String optimizationId,
    @Description("What was measured.") @Required @Text(100) String metric,
    @Description("Unit per day.") @Required @Text(20) String unit,
    @Description("Daily average before.")
    @Required @Range(min = -1000000, max = 1000000) double baselinePerDay,
    @Description("Daily average after.")
    @Required @Range(min = -1000000, max = 1000000) double measuredPerDay,
    @Description("Baseline minus measured.")
    @Required @Range(min = -1000000, max = 1000000) double savingsPerDay,
    @Description("Days measured.") @Required @Range(min = 1, max = 366) int daysMeasured,
    @Description("True when it saved anything.") @Required boolean effective,
    @Description("Event time.") @Required Instant verifiedAt) implements OptimizationEvent {}
