package com.towerco.events.payload.optimization;

import com.towerco.events.payload.Payload;

/**
 * An event in one energy optimization's stream (key = optimization id): proposed, approved,
 * applied, verified, rejected or rolled back.
 */
public sealed interface OptimizationEvent extends Payload
    permits OptimizationApplied, OptimizationApproved, OptimizationCommandRejected,
        OptimizationProposed, OptimizationRejected, OptimizationRolledBack,
        OptimizationVerified {
  /** The aggregate this belongs to; also the record key. */
  String optimizationId();
}
