package com.towerco.events.payload.refuel;

import com.towerco.events.payload.Payload;

/**
 * An event in one refuel order's stream (key = refuel id), the steps of the refuelling saga.
 */
public sealed interface RefuelEvent extends Payload
    permits FuelRunoutPredicted, RefuelCommandRejected, RefuelDelivered,
        RefuelDiscrepancyFlagged, RefuelEscalated, RefuelLevelConfirmed, RefuelRequested {
  /** The aggregate this belongs to; also the record key. */
  String refuelId();
}
