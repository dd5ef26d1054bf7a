package com.towerco.dashboard.domain;

import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Instant;

/**
 * The rest of a site's latest reading next to its power chain: cooling, door, temperatures,
 * generator hour meter and fuel tank.
 */
public record SiteConditions(
    Instant at,
    SiteTelemetry.HvacState hvac,
    boolean doorOpen,
    double cabinetTempC,
    double ambientTempC,
    double batteryTemperatureC,
    Double generatorRunHours,
    Double fuelLevelL,
    Double fuelCapacityL) {

  public static SiteConditions of(Instant at, SiteTelemetry t) {
    return new SiteConditions(at, t.hvac().state(), t.door().open(),
        t.environment().cabinetTempC(), t.environment().ambientTempC(),
        t.battery().temperatureC(), t.generator() == null ? null : t.generator().runHours(),
        t.fuel() == null ? null : t.fuel().levelL(),
        t.fuel() == null ? null : t.fuel().capacityL());
  }
}
