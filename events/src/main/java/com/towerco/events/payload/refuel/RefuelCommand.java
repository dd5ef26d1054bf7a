package com.towerco.events.payload.refuel;

import com.towerco.events.payload.Payload;

/**
 * A command to a refuel order (key = refuel id), from the refuelling saga, its scheduler or
 * the field.
 */
public sealed interface RefuelCommand extends Payload
    permits ConfirmFuelLevel, EscalateRefuel, RecordDelivery, RequestRefuel {
  /** The aggregate this belongs to; also the record key. */
  String refuelId();

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
