package com.towerco.events.payload.optimization;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Id;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;

import java.time.Instant;
import java.util.Map;

/** An energy optimization was proposed for a site. */
@EventDefinition(name = "optimization.proposed", version = "1.0",
    topic = TopicFamily.OPTIMIZATION_LIFECYCLE,
    description = "An energy optimization was proposed.")
public record OptimizationProposed(
    @Description("Optimization.") @Required @Text(64) String optimizationId,
    @Description("Site.") @Required @Id String siteId,
    @Description("What to change.") @Required OptimizationKind kind,
    @Description("Title.") @Required @Text(300) String title,
    @Description("Why.") @Required @Text(2000) String rationale,
    @Description("Measured values behind it.") @Required Map<String, Double> evidence,
    @Description("Estimated savings per day.") @Required Map<String, Double> expectedSavings,
    @Description("Event time.") @Required Instant proposedAt) implements OptimizationEvent {}
