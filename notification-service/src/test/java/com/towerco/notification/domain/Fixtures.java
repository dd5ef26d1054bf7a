package com.towerco.notification.domain;

import com.towerco.events.EventIds;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.notification.NotificationAttempted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test data for the notifier: alerts, incidents, outcomes, and settings a test can change. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private Fixtures() {}

  static AlertFiring unreachable(String site, String hub) {
    return new AlertFiring("al-" + site, "site-unreachable|" + site, "site-unreachable",
        AlertSeverity.MAJOR, "Site unreachable at " + site, site, "north", hub, List.of("mtn"),
        Map.of("chain", "transmission"), T0, List.of());
  }

  static AlertFiring alert(String rule, String site, AlertSeverity severity) {
    return new AlertFiring("al-" + rule + "-" + site, rule + "|" + site, rule, severity,
        rule + " at " + site, site, "north", null, List.of("mtn"), Map.of("chain", "power"), T0,
        List.of());
  }

  static AlertResolved resolved(AlertFiring alert, Instant at) {
    return new AlertResolved(alert.alertId(), alert.fingerprint(), alert.rule(),
        alert.severity(), alert.summary(), alert.siteId(), alert.affectedTenants(),
        alert.startsAt(), at);
  }

  static IncidentOpened incident(String id, AlertSeverity severity, Instant at) {
    return new IncidentOpened(id, "Hub H1 transmission failure", severity,
        new IncidentOpened.RootCause("H1", "hub-transmission-failure", "20 sites lost", 0.9),
        List.of("al-1"), List.of("S1", "H1"), List.of("mtn"), at);
  }

  static NotifierInput.AlertFired fired(String tenant, AlertFiring alert) {
    return new NotifierInput.AlertFired(tenant, EventIds.derived("fired", tenant,
        alert.alertId()), alert);
  }

  static NotifierInput.AlertCleared cleared(String tenant, AlertResolved alert) {
    return new NotifierInput.AlertCleared(tenant, EventIds.derived("cleared", tenant,
        alert.alertId()), alert);
  }

  static NotifierInput.DeliveryOutcome outcome(DeliveryRequest request,
      NotificationAttempted.Outcome outcome, Instant at) {
    return new NotifierInput.DeliveryOutcome(request.tenant(), EventIds.random(),
        new NotificationAttempted(request.notification().notificationId(),
            request.idempotencyKey(), request.notification().sourceEventId() == null ? "none"
                : request.notification().sourceEventId(), request.receiver().name(),
            request.receiver().type().wireName(), request.attempt(), outcome,
            outcome == NotificationAttempted.Outcome.DELIVERED ? 200 : 503,
            outcome == NotificationAttempted.Outcome.DELIVERED ? null : "HTTP 503", at));
  }

  static NotifierInput.Tick tick(Instant at) {
    return new NotifierInput.Tick(at);
  }

  static Route route(String name, String... receivers) {
    return Route.of(name, List.of(), List.of(receivers)).withTiming(Duration.ofSeconds(30),
        Duration.ofMinutes(5), Duration.ofHours(4));
  }

  /** Settings a test edits as it goes. */
  static final class TestSettings implements Settings {
    final Map<String, TenantRouting> routing = new HashMap<>();
    final List<Silence> silences = new ArrayList<>();
    DeliveryPolicy policy = new DeliveryPolicy(4, Duration.ofSeconds(2), Duration.ofMinutes(1),
        2.0, 0.2, 3, Duration.ofMinutes(1), Duration.ofSeconds(5));

    @Override
    public TenantRouting routing(String tenant) {
      return routing.getOrDefault(tenant, TenantRouting.logOnly());
    }

    @Override
    public List<Silence> silences(String tenant) {
      return silences.stream().filter(s -> s.tenant().equals(tenant)).toList();
    }

    @Override
    public DeliveryPolicy delivery() {
      return policy;
    }
  }

  static List<DeliveryRequest> requests(List<Decision> decisions) {
    return decisions.stream().filter(d -> d instanceof Decision.Dispatch)
        .map(d -> ((Decision.Dispatch) d).request()).toList();
  }

  static List<Decision.Publish> published(List<Decision> decisions) {
    return decisions.stream().filter(d -> d instanceof Decision.Publish)
        .map(d -> (Decision.Publish) d).toList();
  }
}
