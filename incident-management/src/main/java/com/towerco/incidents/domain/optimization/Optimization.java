package com.towerco.incidents.domain.optimization;

import com.towerco.events.payload.optimization.OptimizationKind;
import com.towerco.events.payload.optimization.OptimizationVerified;
import java.time.Instant;
import java.util.Map;

/**
 * An energy optimization's state, folded from its events: what is proposed for which site and
 * why, who decided what, and the savings measured once it was applied. {@code round} counts
 * proposals of the same optimization (the advisor may propose it again after a cool-down).
 */
public record Optimization(
    String optimizationId,
    int version,
    int round,
    OptimizationStatus status,
    String siteId,
    OptimizationKind kind,
    String title,
    String rationale,
    Map<String, Double> evidence,
    Map<String, Double> expectedSavings,
    Instant proposedAt,
    Instant appliedAt,
    Instant verifyAfter,
    OptimizationVerified verification,
    String lastBy,
    String lastNote,
    Instant updatedAt) {

  public Optimization {
    evidence = Map.copyOf(evidence);
    expectedSavings = Map.copyOf(expectedSavings);
  }

  Optimization next(OptimizationStatus status, String by, String note, Instant at) {
    return new Optimization(optimizationId, version + 1, round, status, siteId, kind, title,
        rationale, evidence, expectedSavings, proposedAt, appliedAt, verifyAfter, verification,
        by, note, at);
  }
}
