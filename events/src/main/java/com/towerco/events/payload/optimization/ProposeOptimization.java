package com.towerco.events.payload.optimization;

import com.towerco.events.payload.Check;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * Command from the energy advisor: propose an energy optimization for a site, with the evidence
 * that suggests it.
 */
public record ProposeOptimization(
    @JsonProperty(required = true) String optimizationId,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) OptimizationKind kind,
    @JsonProperty(required = true) String title,
    @JsonProperty(required = true) String rationale,
    @JsonProperty(required = true) Map<String, Double> evidence,
    @JsonProperty(required = true) Map<String, Double> expectedSavings,
    @JsonProperty(required = true) Instant observedOn) implements OptimizationCommand {

  public ProposeOptimization {
    Check.text(optimizationId, "optimization_id", 64);
    Check.id(siteId, "site_id");
    Check.required(kind, "kind");
    Check.text(title, "title", 300);
    Check.text(rationale, "rationale", 2000);
    evidence = Check.numberMap(evidence, "evidence");
    expectedSavings = Check.numberMap(expectedSavings, "expected_savings");
    Check.required(observedOn, "observed_on");
  }
}
