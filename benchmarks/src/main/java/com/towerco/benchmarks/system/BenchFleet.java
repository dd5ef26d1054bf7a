package com.towerco.benchmarks.system;

import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's sites: healthy grid-fed sites with two tenancies, whose readings vary a
 * little from one to the next (so compression sees realistic JSON, not repeats).
 */
final class BenchFleet {
  private BenchFleet() {}

  static List<String> siteIds(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(String.format("%s%05d", prefix, i));
    }
    return ids;
  }

  static SiteRegistered registration(int index) {
    return new SiteRegistered("bench site " + index, "region" + (index % 4), null, false,
        6.0 + index * 0.01, 3.0 + index * 0.01,
        new SiteRegistered.PowerPlant(true, true, index % 3 == 0, 600, 1000, 2.5),
        List.of(new SiteRegistered.Tenancy("altel", 99.95, 45, 57.5, 4),
            new SiteRegistered.Tenancy("borealis", 99.9, 45, 57.5, 4)));
  }

  static SiteTelemetry telemetry(String siteId, int variant) {
    double v = variant * 0.37 + siteId.hashCode() % 7 * 0.11;
    return new SiteTelemetry(
        new SiteTelemetry.Mains(true, 228.0 + v),
        new SiteTelemetry.Generator(false, false, 1200.0 + v * 10, 0),
        new SiteTelemetry.Rectifier(53.4 + v / 10, 38.0 + v, 4, 4),
        new SiteTelemetry.Battery(53.2 + v / 20, 99.0 - v / 10, 26.0 + v / 3, 0.8),
        null,
        new SiteTelemetry.Fuel(800.0 - v, 1000),
        new SiteTelemetry.Environment(29.0 + v, 26.0 + v / 2),
        new SiteTelemetry.Hvac(SiteTelemetry.HvacState.ON),
        new SiteTelemetry.Door(false),
        List.of(new SiteTelemetry.TenantSupply("altel", 53.4 + v / 10, 1.1 + v / 10),
            new SiteTelemetry.TenantSupply("borealis", 53.4 + v / 10, 0.9 + v / 10)));
  }
}
