package com.towerco.events.payload.optimization;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;

/**
 * Command from the savings verifier: the measurement window after application is complete; here
 * is what was measured.
 */
@EventDefinition(name = "optimization.verify", version = "1.0",
    topic = TopicFamily.OPTIMIZATION_COMMANDS,
    description = "Command from the savings verifier: record the measured savings.")
public record VerifyOptimization(
    @Description("Optimization.") @Required @Text(64) String optimizationId,
    @Description("What was measured.") @Required @Text(100) String metric,
    @Description("Unit per day.") @Required @Text(20) String unit,
    @Description("Daily average before application.")
    @Required @Range(min = -1000000, max = 1000000) double baselinePerDay,
    @Description("Daily average after application.")
    @Required @Range(min = -1000000, max = 1000000) double measuredPerDay,
    @Description("Days of data after application.")
    @Required @Range(min = 1, max = 366) int daysMeasured,
    @Description("Start of the measurement.") @Required Instant measuredFrom,
    @Description("End of the measurement.")
    @Required Instant measuredTo) implements OptimizationCommand {}
