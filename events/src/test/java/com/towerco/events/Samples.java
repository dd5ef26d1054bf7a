package com.towerco.events;

import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.notification.NotificationAttempted;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One valid event of every type in the catalogue, with every optional field filled. */
final class Samples {
  static final Instant T0 = Instant.parse("2026-11-27T05:00:00Z");
  static final com.towerco.events.payload.incident.RankedCause RANKED =
      new com.towerco.events.payload.incident.RankedCause("S0001", "generator-failure",
          "generator failed to start after the mains failure", 0.9,
          "site S0001: mains -> generator -> battery", List.of("al-1", "al-2"));

  private Samples() {}

  static SiteTelemetry telemetry() {
    return new SiteTelemetry(
        new SiteTelemetry.Mains(true, 231.5),
        new SiteTelemetry.Generator(false, false, 1234.5, 0),
        new SiteTelemetry.Rectifier(53.6, 42.0, 4, 4),
        new SiteTelemetry.Battery(53.5, 98.0, 27.5, 1.5),
        new SiteTelemetry.Solar(1.2),
        new SiteTelemetry.Fuel(812.0, 1000.0),
        new SiteTelemetry.Environment(31.0, 28.5),
        new SiteTelemetry.Hvac(SiteTelemetry.HvacState.ON),
        new SiteTelemetry.Door(false),
        List.of(new SiteTelemetry.TenantSupply("mtn", 53.5, 1.2),
            new SiteTelemetry.TenantSupply("airtel", 53.5, 0.8)));
  }

  static List<Payload> everyPayload() {
    List<Payload> every = new java.util.ArrayList<>(platformPayloads());
    every.addAll(OperationsSamples.all());
    return every;
  }

  private static List<Payload> platformPayloads() {
    return List.of(
        telemetry(),
        new SiteAlarm("A-1", SiteAlarm.AlarmState.RAISED, SiteAlarm.PerceivedSeverity.MAJOR,
            SiteAlarm.X733EventType.EQUIPMENT, SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE,
            "Mains failure", "mains/1", "phase L1 lost", "mtn"),
        new com.towerco.events.payload.site.SiteVisitScheduled("V-1", T0, T0.plusSeconds(3600),
            "maintenance"),
        new SiteConnectivity(SiteConnectivity.ConnectivityState.UNREACHABLE, "H001",
            "hub transmission down"),
        new SiteRegistered("Site 1", "north", "H001", false, 6.5, 3.4,
            new SiteRegistered.PowerPlant(true, true, false, 400, 1000, 2.5),
            List.of(new SiteRegistered.Tenancy("mtn", 99.95, 47, 57, 4))),
        new KpiComputed(KpiComputed.KpiScope.TENANCY, "S0001", "mtn", "north", T0,
            T0.plusSeconds(60), 12, Map.of(KpiComputed.POWER_AVAILABILITY_PCT, 100.0)),
        new AlertFiring("al-1", "fp-1", "mains-failure", AlertSeverity.MAJOR, "Mains failure",
            "S0001", "north", "H001", List.of("mtn"), Map.of("probable_cause", "x"), T0,
            List.of("e-1")),
        new AlertResolved("al-1", "fp-1", "mains-failure", AlertSeverity.MAJOR, "Mains failure",
            "S0001", List.of("mtn"), T0, T0.plusSeconds(600)),
        new IncidentOpened("inc-1", "Hub H001 transmission failure", AlertSeverity.CRITICAL,
            new IncidentOpened.RootCause("H001", "hub-transmission-failure", "20 sites lost",
                0.9), List.of("al-1"), List.of("S0001", "H001"), List.of("mtn"), T0),
        new IncidentAlertAttached("inc-1", "al-2", "S0002", T0, List.of("mtn")),
        new IncidentResolved("inc-1", T0.plusSeconds(3600), "all symptoms cleared", "noc-lead"),
        new com.towerco.events.payload.incident.OpenIncident("inc-1", "Hub H001 transmission failure",
            AlertSeverity.CRITICAL, new IncidentOpened.RootCause("H001",
                "hub-transmission-failure", "20 sites lost", 0.9), List.of("al-1"),
            List.of("S0001", "H001"), List.of("mtn"), T0),
        new com.towerco.events.payload.incident.OpenIncident("inc-2", "Generator failure", AlertSeverity.CRITICAL,
            new IncidentOpened.RootCause("S0001", "generator-failure", "after mains", 0.9),
            List.of("al-1"), List.of("S0001"), List.of("mtn"), T0, List.of(RANKED)),
        new com.towerco.events.payload.incident.UpdateRootCause("inc-2", RANKED.headline(),
            List.of(RANKED), "generator failed", T0),
        new com.towerco.events.payload.incident.IncidentRootCauseChanged("inc-2", RANKED.headline(),
            List.of(RANKED), "generator failed", T0),
        new com.towerco.events.payload.incident.AttachAlert("inc-1", "al-2", "S0002", List.of("mtn"), T0),
        new com.towerco.events.payload.incident.ClearIncident("inc-1", T0, "cleared"),
        new NotificationAttempted("n-1", "k-1", "e-1", "noc-webhook", "webhook", 1,
            NotificationAttempted.Outcome.DELIVERED, 200, null, T0),
        new com.towerco.events.payload.notification.NotificationSuppressed("n-2", "towerco/noc/hub=H001",
            "noc", List.of("noc-webhook"), List.of("sil-1"), List.of("al-1"), "inc-1", "e-1",
            T0),
        new com.towerco.events.payload.notification.NotificationEscalated("inc-1", "critical-incidents", 2,
            List.of("duty-manager"), "n-3", T0),
        new com.towerco.events.payload.notification.SilenceCreated("sil-1", List.of("site=S0001"), T0,
            T0.plusSeconds(7200), "noc-user", "field visit, ticket FV-1"),
        new com.towerco.events.payload.notification.SilenceExpired("sil-1", List.of("site=S0001"), T0,
            T0.plusSeconds(7200), "noc-user", "field visit, ticket FV-1", T0.plusSeconds(3600),
            "noc-user"),
        new com.towerco.events.payload.notification.RoutingChanged("{\"receivers\":[]}", "noc-user", T0));
  }

  static Envelope envelope(Payload payload) {
    return Envelope.of(EventIds.random(), "towerco", "S0001", T0, payload,
        Map.of("producer", "test"));
  }
}
