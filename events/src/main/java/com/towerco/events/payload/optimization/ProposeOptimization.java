package com.towerco.events.payload.optimization;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;
import java.util.Map;

/**
 * Command from the energy advisor: propose an energy optimization for a site, with the evidence
 * that suggests it.
 */
@EventDefinition(name = "optimization.propose", version = "1.0",
    topic = TopicFamily.OPTIMIZATION_COMMANDS,
    description = "Command from the energy advisor: propose an optimization.")
public record ProposeOptimization(
    @Description("Optimization.") @Required @Text(64) String optimizationId,
    @Description("Site.") @Required @Id String siteId,
    @Description("What to change.") @Required OptimizationKind kind,
    @Description("Title.") @Required @Text(300) String title,
    @Description("Why, in words.") @Required @Text(2000) String rationale,
    @Description("Measured values behind the proposal, by name.")
    @Required Map<String, Double> evidence,
    @Description("Estimated savings per day, by metric.")
    @Required Map<String, Double> expectedSavings,
    @Description("Start of the day (UTC) whose data triggered the proposal.")
    @Required Instant observedOn) implements OptimizationCommand {}
