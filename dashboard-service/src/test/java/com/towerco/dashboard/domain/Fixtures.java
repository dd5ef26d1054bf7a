package com.towerco.dashboard.domain;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Test data: sites, readings, alerts, incidents and KPI windows as the platform's events. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  public static final String OPERATOR = "towerco";

  private Fixtures() {}

  public static Instant at(int seconds) {
    return T0.plus(Duration.ofSeconds(seconds));
  }

  public static Envelope event(String tenantId, String siteId, Instant at, Payload payload) {
    return Envelope.of(EventIds.random(), tenantId, siteId, at, payload, Map.of());
  }

  public static SiteRegistered site(String region, String hub, String... tenants) {
    return new SiteRegistered("Site in " + region, region, hub, false, -1.28, 36.82,
        new SiteRegistered.PowerPlant(true, true, false, 400, 500, 3),
        Arrays.stream(tenants).map(t -> new SiteRegistered.Tenancy(t, 99.95, 44, 57, 4))
            .toList());
  }

  public static Envelope registered(String siteId, SiteRegistered site) {
    return event(OPERATOR, siteId, T0, site);
  }

  /** A reading: grid on or off, generator running or not, battery SoC, every tenant at 53.5 V. */
  public static Envelope reading(String siteId, Instant at, boolean grid, boolean generator,
      double soc, String... tenants) {
    return reading(siteId, at, grid, generator, soc, 53.5, tenants);
  }

  public static Envelope reading(String siteId, Instant at, boolean grid, boolean generator,
      double soc, double dcVolts, String... tenants) {
    List<SiteTelemetry.TenantSupply> supplies = Arrays.stream(tenants)
        .map(t -> new SiteTelemetry.TenantSupply(t, dcVolts, 1.2)).toList();
    SiteTelemetry telemetry = new SiteTelemetry(
        new SiteTelemetry.Mains(grid, grid ? 231 : 0),
        new SiteTelemetry.Generator(generator, false, 1200, generator ? 8 : 0),
        new SiteTelemetry.Rectifier(dcVolts, 60, 4, 4),
        new SiteTelemetry.Battery(dcVolts, soc, 28, grid || generator ? 2 : -30),
        null, new SiteTelemetry.Fuel(300, 500),
        new SiteTelemetry.Environment(31, 24),
        new SiteTelemetry.Hvac(SiteTelemetry.HvacState.ON),
        new SiteTelemetry.Door(false), supplies);
    return event(OPERATOR, siteId, at, telemetry);
  }

  public static Envelope unreachable(String siteId, Instant at, String hub) {
    return event(OPERATOR, siteId, at, new SiteConnectivity(
        SiteConnectivity.ConnectivityState.UNREACHABLE, hub, "hub transmission down"));
  }

  public static AlertFiring firing(String alertId, String siteId, List<String> tenants) {
    return new AlertFiring(alertId, "fp-" + alertId, "mains_failure", AlertSeverity.MAJOR,
        "Mains failure at " + siteId, siteId, "nairobi", null, tenants, Map.of(), T0,
        List.of());
  }

  public static AlertResolved resolved(String alertId, String siteId, List<String> tenants,
      Instant endsAt) {
    return new AlertResolved(alertId, "fp-" + alertId, "mains_failure", AlertSeverity.MAJOR,
        "Mains failure at " + siteId, siteId, tenants, T0, endsAt);
  }

  public static IncidentOpened opened(String incidentId, String rootSite, List<String> sites,
      List<String> tenants, String... alertIds) {
    return new IncidentOpened(incidentId, "Hub " + rootSite + " transmission failure",
        AlertSeverity.CRITICAL, new IncidentOpened.RootCause(rootSite, "transmission_failure",
            "every site behind the hub went dark at once", 0.9),
        List.of(alertIds), sites, tenants, T0);
  }

  public static IncidentAlertAttached attached(String incidentId, String alertId,
      String siteId, Instant at) {
    return new IncidentAlertAttached(incidentId, alertId, siteId, at, null);
  }

  public static IncidentResolved incidentResolved(String incidentId, Instant at) {
    return new IncidentResolved(incidentId, at, "transmission restored", null);
  }

  public static KpiComputed tenancyKpi(String siteId, String tenant, Instant start,
      double availability) {
    return new KpiComputed(KpiComputed.KpiScope.TENANCY, siteId, tenant, "nairobi", start,
        start.plus(Duration.ofMinutes(1)), 12,
        Map.of(KpiComputed.POWER_AVAILABILITY_PCT, availability));
  }

  public static KpiComputed siteKpi(String siteId, Instant start, double grid) {
    return new KpiComputed(KpiComputed.KpiScope.SITE, siteId, null, "nairobi", start,
        start.plus(Duration.ofMinutes(1)), 12,
        Map.of(KpiComputed.GRID_AVAILABILITY_PCT, grid));
  }
}
