package com.towerco.incidents.domain.refuel;

import com.towerco.events.payload.refuel.FuelRunoutPredicted;
import java.time.Instant;

/**
 * A refuel order's state, folded from its events: the prediction that started it, the order,
 * the delivery reported from the field and what the tank level showed afterwards.
 */
public record Refuel(
    String refuelId,
    int version,
    RefuelStatus status,
    String siteId,
    FuelRunoutPredicted prediction,
    double litresRequested,
    Instant deliverBy,
    Instant dueAt,
    int escalations,
    double litresDelivered,
    String deliveredBy,
    Instant deliveredAt,
    Double levelBeforeL,
    Double levelAfterL,
    Double missingL,
    Instant updatedAt) {

  Refuel next(RefuelStatus status, Instant dueAt, int escalations, Instant at) {
    return new Refuel(refuelId, version + 1, status, siteId, prediction, litresRequested,
        deliverBy, dueAt, escalations, litresDelivered, deliveredBy, deliveredAt, levelBeforeL,
        levelAfterL, missingL, at);
  }
}
