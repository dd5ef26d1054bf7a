package com.towerco.incidents.stream;

import com.towerco.events.PayloadProjection;
import com.towerco.events.payload.site.SiteTelemetry;

/**
 * What the incident views read of a telemetry record (ADR-037): the battery's current and
 * state of charge (battery health, {@link EnergyWatch}) and the fuel tank's level and capacity
 * (the refuel saga, {@link FuelWatch}). The rest of a reading is skipped unparsed.
 */
final class WatchedTelemetry {
  static final PayloadProjection FIELDS = PayloadProjection.of(SiteTelemetry.class,
      "battery.currentA", "battery.socPct", "fuel.levelL", "fuel.capacityL");
  static final int BATTERY_CURRENT = FIELDS.slot("battery.currentA");
  static final int BATTERY_SOC = FIELDS.slot("battery.socPct");
  static final int FUEL_LEVEL = FIELDS.slot("fuel.levelL");
  static final int FUEL_CAPACITY = FIELDS.slot("fuel.capacityL");

  private WatchedTelemetry() {}
}
