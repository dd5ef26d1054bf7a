package com.towerco.events.payload;

/**
 * A command to a refuel order (key = refuel id), from the refuelling saga, its scheduler or
 * the field.
 */
public sealed interface RefuelCommand extends Payload
    permits ConfirmFuelLevel, EscalateRefuel, RecordDelivery, RequestRefuel {
  /** The aggregate this belongs to; also the record key. */
  String refuelId();
}
