package com.towerco.events.payload.optimization;

import com.towerco.events.payload.Payload;

/**
 * A command to the energy optimization aggregate (key = optimization id), from the energy
 * advisor, the savings verifier or people.
 */
public sealed interface OptimizationCommand extends Payload
    permits ApplyOptimization, ApproveOptimization, ProposeOptimization, RejectOptimization,
        RollBackOptimization, VerifyOptimization {
  /** The aggregate this belongs to; also the record key. */
  String optimizationId();

  /**
   * The version a person's command expects (optimistic concurrency); null for commands from
   * the platform itself. Records with an {@code expected_version} field override this.
   */
  default Integer expectedVersion() {
    return null;
  }

  /** Who asked, for a person's command; null for commands from the platform itself. */
  default String requestedBy() {
    return null;
  }
}
