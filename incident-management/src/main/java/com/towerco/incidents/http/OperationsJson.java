package com.towerco.incidents.http;

import com.towerco.events.payload.optimization.OptimizationKind;
import com.towerco.events.payload.optimization.OptimizationVerified;
import com.towerco.incidents.domain.optimization.Optimization;
import com.towerco.incidents.domain.refuel.Refuel;
import com.towerco.incidents.view.AggregateProjection;
import java.time.Instant;
import java.util.Map;

/** JSON shapes of energy optimizations and refuel orders. */
final class OperationsJson {
  private OperationsJson() {}

  /** An energy optimization and where it stands. */
  record OptimizationJson(String optimizationId, int version, int round, String status,
      String siteId, OptimizationKind kind, String title, String rationale,
      Map<String, Double> evidence, Map<String, Double> expectedSavings, Instant proposedAt,
      Instant appliedAt, Instant verifyAfter, OptimizationVerified verification, String lastBy,
      String lastNote, Instant updatedAt) {}

  /** A refuel order and where its saga stands. */
  record RefuelJson(String refuelId, int version, String status, String siteId,
      double levelAtPredictionL, double burnLph, Instant predictedRunoutAt,
      Instant nextDeliveryAt, double litresRequested, Instant deliverBy, Instant dueAt,
      int escalations, double litresDelivered, String deliveredBy, Instant deliveredAt,
      Double levelBeforeL, Double levelAfterL, Double missingL, Instant updatedAt) {}

  static Object optimization(AggregateProjection.Entry<Optimization> entry) {
    Optimization o = entry.state();
    return new OptimizationJson(o.optimizationId(), o.version(), o.round(),
        o.status().wireName(), o.siteId(), o.kind(), o.title(), o.rationale(), o.evidence(),
        o.expectedSavings(), o.proposedAt(), o.appliedAt(), o.verifyAfter(), o.verification(),
        o.lastBy(), o.lastNote(), o.updatedAt());
  }

  static Object refuel(AggregateProjection.Entry<Refuel> entry) {
    Refuel r = entry.state();
    return new RefuelJson(r.refuelId(), r.version(), r.status().wireName(), r.siteId(),
        r.prediction().levelL(), r.prediction().burnLph(), r.prediction().predictedRunoutAt(),
        r.prediction().nextDeliveryAt(), r.litresRequested(), r.deliverBy(), r.dueAt(),
        r.escalations(), r.litresDelivered(), r.deliveredBy(), r.deliveredAt(),
        r.levelBeforeL(), r.levelAfterL(), r.missingL(), r.updatedAt());
  }
}
