package com.towerco.aiops.detection.site;

import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.events.payload.site.SiteTelemetry.HvacState;
import java.time.Instant;
import java.util.List;

/** Test data: a healthy site's reading, changed one part at a time ({@code aReading().…}). */
final class Readings {
  static final String SITE = "S0007";
  static final Instant T0 = Instant.parse("2026-04-01T10:00:00Z");

  Instant time = T0;
  boolean mains = true;
  boolean generator = true;
  boolean generatorRunning;
  boolean generatorFault;
  double runHours = 1234.5;
  double fuelL = 800;
  double socPct = 100;
  double batteryV = 53.5;
  double batteryA = 0.3;
  double cabinetC = 24;
  HvacState hvac = HvacState.ON;
  boolean doorOpen;

  static Readings aReading() {
    return new Readings();
  }

  static SiteRegistered site() {
    return new SiteRegistered("Site 7", "north", "S0001", false, 1, 2,
        new SiteRegistered.PowerPlant(true, true, false, 400, 1000, 3),
        List.of(new SiteRegistered.Tenancy("altel", 99.95, 46, 56, 4),
            new SiteRegistered.Tenancy("kora", 99.9, 45, 56, 2)));
  }

  Readings at(Instant t) {
    time = t;
    return this;
  }

  Readings plusSeconds(long seconds) {
    time = time.plusSeconds(seconds);
    return this;
  }

  SiteReading reading() {
    SiteTelemetry telemetry = new SiteTelemetry(
        new SiteTelemetry.Mains(mains, mains ? 230 : 0),
        generator ? new SiteTelemetry.Generator(generatorRunning, generatorFault, runHours,
            generatorRunning ? 4 : 0) : null,
        new SiteTelemetry.Rectifier(mains || generatorRunning ? batteryV : 0, 40, 4, 4),
        new SiteTelemetry.Battery(batteryV, socPct, 25, batteryA),
        null,
        generator ? new SiteTelemetry.Fuel(fuelL, 1000) : null,
        new SiteTelemetry.Environment(cabinetC, 30),
        new SiteTelemetry.Hvac(hvac),
        new SiteTelemetry.Door(doorOpen),
        List.of(new SiteTelemetry.TenantSupply("altel", batteryV - 0.2, 1.2)));
    return new SiteReading(SITE, time, telemetry, site());
  }
}
