package com.towerco.events.payload;

/**
 * A command to the energy optimization aggregate (key = optimization id), from the energy
 * advisor, the savings verifier or people.
 */
public sealed interface OptimizationCommand extends Payload
    permits ApplyOptimization, ApproveOptimization, ProposeOptimization, RejectOptimization,
        RollBackOptimization, VerifyOptimization {
  /** The aggregate this belongs to; also the record key. */
  String optimizationId();
}
