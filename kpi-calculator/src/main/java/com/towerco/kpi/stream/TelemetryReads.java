package com.towerco.kpi.stream;

import com.towerco.events.PayloadProjection;
import com.towerco.events.ProjectedEvent;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.kpi.domain.Reading;
import java.util.List;

/**
 * What the KPI calculator reads of a telemetry record (ADR-037): the fields {@link Reading} is
 * made of, read projected; the rest of the reading is skipped unparsed. {@link Reading#of}
 * builds the same reading from a fully decoded record (records without routing headers, or
 * anything the projected read declines).
 */
final class TelemetryReads {
  static final PayloadProjection FIELDS = PayloadProjection.of(SiteTelemetry.class,
      "mains.available", "generator.running", "fuel.levelL", "battery.socPct",
      "tenants[].tenantId", "tenants[].dcVoltageV", "tenants[].loadKw");
  private static final int MAINS_AVAILABLE = FIELDS.slot("mains.available");
  private static final int GENERATOR_RUNNING = FIELDS.slot("generator.running");
  private static final int FUEL_LEVEL = FIELDS.slot("fuel.levelL");
  private static final int BATTERY_SOC = FIELDS.slot("battery.socPct");
  private static final int TENANTS = FIELDS.slot("tenants[]");
  private static final int TENANT_ID = FIELDS.slot("tenants[].tenantId");
  private static final int DC_VOLTAGE = FIELDS.slot("tenants[].dcVoltageV");
  private static final int LOAD = FIELDS.slot("tenants[].loadKw");

  private TelemetryReads() {}

  /** The reading of a projected telemetry record, equal to {@link Reading#of} of its decode. */
  static Reading reading(ProjectedEvent event) {
    PayloadProjection.Values v = event.payload();
    return new Reading(event.timestamp().toEpochMilli(),
        v.bool(MAINS_AVAILABLE),
        v.has(GENERATOR_RUNNING) && v.bool(GENERATOR_RUNNING),
        v.has(FUEL_LEVEL) ? v.number(FUEL_LEVEL) : Double.NaN,
        v.number(BATTERY_SOC),
        feeds(v.items(TENANTS)));
  }

  /** The tenancies' feeds, as an unmodifiable list made without a copy (ADR-062). */
  private static List<Reading.TenantFeed> feeds(List<PayloadProjection.Values> supplies) {
    return switch (supplies.size()) {
      case 0 -> List.of();
      case 1 -> List.of(feed(supplies.get(0)));
      case 2 -> List.of(feed(supplies.get(0)), feed(supplies.get(1)));
      default -> {
        Reading.TenantFeed[] feeds = new Reading.TenantFeed[supplies.size()];
        for (int i = 0; i < feeds.length; i++) {
          feeds[i] = feed(supplies.get(i));
        }
        yield List.of(feeds);
      }
    };
  }

  private static Reading.TenantFeed feed(PayloadProjection.Values s) {
    return new Reading.TenantFeed(s.text(TENANT_ID), s.number(DC_VOLTAGE), s.number(LOAD));
  }
}
