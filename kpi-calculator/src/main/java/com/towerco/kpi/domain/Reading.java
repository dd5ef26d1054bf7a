package com.towerco.kpi.domain;

import com.towerco.events.payload.site.SiteTelemetry;
import java.util.List;

/**
 * The parts of one telemetry reading that KPIs are made of. A reading's state holds from its
 * event time until the next reading of the same site (at most {@code maxGap} later).
 */
public record Reading(
    long timeMillis,
    boolean gridAvailable,
    boolean generatorRunning,
    double fuelLevelL,
    double batterySocPct,
    List<TenantFeed> tenants) {

  /** One tenancy's DC feed in the reading. */
  public record TenantFeed(String tenantId, double dcVoltageV, double loadKw) {}

  public static Reading of(long timeMillis, SiteTelemetry t) {
    return new Reading(timeMillis,
        t.mains().available(),
        t.generator() != null && t.generator().running(),
        t.fuel() == null ? Double.NaN : t.fuel().levelL(),
        t.battery().socPct(),
        t.tenants().stream()
            .map(s -> new TenantFeed(s.tenantId(), s.dcVoltageV(), s.loadKw()))
            .toList());
  }
}
