package com.towerco.aiops.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.InhibitionRules;
import com.towerco.aiops.alerting.NotificationPolicy;
import com.towerco.events.payload.incident.OpenIncident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Group-scope inhibition, Alertmanager-style: which alerts of a problem notify and which are
 * evidence on its incident only (never lost: the incident still lists them).
 */
class NotificationGateTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private final List<OpenIncident> opened = new ArrayList<>();
  private int ids;

  @Test
  void aHubFailureSuppressesTheUnreachableAlertsOfItsDownstreamSites() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), groupRulesOnly());
    AlertFact hub = fact(AlertRule.TRANSMISSION_FAILURE, "H1", path("H1"), 0);
    c.onAlert(hub);
    List<AlertFact> sites = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      AlertFact s = fact(AlertRule.SITE_UNREACHABLE, "S" + i, path("H1"), 5 + i);
      sites.add(s);
      c.onAlert(s);
    }
    c.tick(T0.plusSeconds(60)).forEach(u -> opened.add((OpenIncident) u.payload()));

    assertThat(c.suppression(hub.alertId())).isEmpty();
    sites.forEach(s -> assertThat(c.suppression(s.alertId()))
        .contains("transmission-failure@H1"));
    // evidence on the one incident, never lost
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).alertIds()).hasSize(9);
  }

  @Test
  void inhibitionHoldsOnlyWhileTheSourceIsActive() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), groupRulesOnly());
    AlertFact hub = fact(AlertRule.TRANSMISSION_FAILURE, "H1", path("H1"), 0);
    c.onAlert(hub);
    c.onAlert(hub.quieted(true, T0.plusSeconds(10))); // the hub's condition let go
    AlertFact late = fact(AlertRule.SITE_UNREACHABLE, "S1", path("H1"), 20);
    c.onAlert(late);

    assertThat(c.suppression(late.alertId())).isEmpty();
  }

  @Test
  void aFeederTripNotifiesOnceAndAGeneratorFailingInItIsEvidenceByDefault() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    AlertFact first = fact(AlertRule.MAINS_FAILURE, "S20", feeder("F1"), 0);
    AlertFact generator = fact(AlertRule.GENERATOR_FAILURE, "S20", feeder("F1"), 120);
    c.onAlert(first);
    c.onAlert(generator);

    assertThat(c.suppression(first.alertId())).isEmpty();
    assertThat(c.suppression(generator.alertId())).contains("problem:mains-failure@S20");
  }

  @Test
  void aFeederTripNotifiesOnceAndAGeneratorFailingInItNotifiesAgainWhenAsked() {
    var d = NotificationPolicy.defaults();
    Correlator c = new Correlator(CorrelationPolicy.defaults(), new NotificationPolicy(
        d.groupInhibition(), d.evidenceOnly(), true, true));
    List<AlertFact> mains = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      AlertFact m = fact(AlertRule.MAINS_FAILURE, "S2" + i, feeder("F1"), 7 * i);
      mains.add(m);
      c.onAlert(m);
    }
    AlertFact tenantKpi = fact(AlertRule.ANOMALY_TENANCY_KPI, "S21", feeder("F1"), 50);
    c.onAlert(tenantKpi);
    AlertFact generator = fact(AlertRule.GENERATOR_FAILURE, "S23", feeder("F1"), 120);
    c.onAlert(generator);

    assertThat(c.suppression(mains.get(0).alertId())).isEmpty();
    mains.subList(1, 5).forEach(m -> assertThat(c.suppression(m.alertId()))
        .contains("mains-failure@S20"));
    assertThat(c.suppression(tenantKpi.alertId())).contains(NotificationGate.EVIDENCE_ONLY);
    assertThat(c.suppression(generator.alertId())).as("more severe: notifies").isEmpty();
  }

  @Test
  void onceAProblemNotifiedItsLaterAlertsThatAreNoWorseAreEvidence() {
    NotificationPolicy once = new NotificationPolicy(InhibitionRules.none(), Set.of(), true, false);
    Correlator c = new Correlator(CorrelationPolicy.defaults(), once);
    AlertFact hvac = fact(AlertRule.HVAC_FAILURE, "S1", feeder("F1"), 0);
    AlertFact hot = fact(AlertRule.HIGH_TEMPERATURE, "S1", feeder("F1"), 300);
    c.onAlert(hvac);
    c.onAlert(hot);

    assertThat(c.suppression(hvac.alertId())).isEmpty();
    assertThat(c.suppression(hot.alertId())).contains("problem:hvac-failure@S1");
  }

  @Test
  void anAnomalyAloneNotifiesNobodyAndEveryAlertNotifiesWithoutAPolicy() {
    Correlator quiet = new Correlator(CorrelationPolicy.defaults(),
        NotificationPolicy.defaults());
    AlertFact anomaly = fact(AlertRule.ANOMALY_POWER, "S1", feeder("F1"), 0);
    quiet.onAlert(anomaly);
    assertThat(quiet.suppression(anomaly.alertId())).contains("evidence-only");

    Correlator every = new Correlator(CorrelationPolicy.defaults(),
        NotificationPolicy.everyAlert());
    AlertFact hub = fact(AlertRule.TRANSMISSION_FAILURE, "H1", path("H1"), 0);
    AlertFact site = fact(AlertRule.SITE_UNREACHABLE, "S1", path("H1"), 3);
    AlertFact again = fact(AlertRule.ANOMALY_POWER, "S2", feeder("F1"), 0);
    every.onAlert(hub);
    every.onAlert(site);
    every.onAlert(again);
    assertThat(every.suppression(site.alertId())).isEmpty();
    assertThat(every.suppression(again.alertId())).isEmpty();
  }

  @Test
  void anAlertItsSiteInhibitedIsNotCountedAsNotified() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(),
        new NotificationPolicy(InhibitionRules.none(), Set.of(), true, false));
    AlertFact discharging = fact(AlertRule.BATTERY_DISCHARGING, "S1", feeder("F1"), 0);
    AlertFact mains = fact(AlertRule.MAINS_FAILURE, "S1", feeder("F1"), 1);
    c.onAlert(discharging, "mains-failure");
    c.onAlert(mains);

    assertThat(c.suppression(discharging.alertId())).contains("mains-failure");
    assertThat(c.suppression(mains.alertId())).isEmpty();
  }

  @Test
  void whyAnAlertWasSuppressedSurvivesARestart() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), groupRulesOnly());
    c.onAlert(fact(AlertRule.TRANSMISSION_FAILURE, "H1", path("H1"), 0));
    AlertFact site = fact(AlertRule.SITE_UNREACHABLE, "S1", path("H1"), 3);
    c.onAlert(site);

    Correlator restarted = Correlator.restore(CorrelationPolicy.defaults(), groupRulesOnly(),
        c.snapshot());
    assertThat(restarted.suppression(site.alertId())).isEqualTo(Optional.of(
        "transmission-failure@H1"));
  }

  private static NotificationPolicy groupRulesOnly() {
    return new NotificationPolicy(InhibitionRules.parseGroup(
        NotificationPolicy.DEFAULT_GROUP_INHIBITION), Set.of(), false, false);
  }

  private static AlertFact.Relations feeder(String feeder) {
    return new AlertFact.Relations(feeder, List.of("H9"), null, null);
  }

  private static AlertFact.Relations path(String... hubs) {
    return new AlertFact.Relations(null, List.of(hubs), null, null);
  }

  private AlertFact fact(AlertRule rule, String site, AlertFact.Relations relations,
      int second) {
    String hub = relations.hubPath().isEmpty() || site.startsWith("H") ? null
        : relations.hubPath().get(0);
    return new AlertFact("a" + (++ids), rule.fingerprint(site, ""), rule, site, "north", hub,
        rule.defaultSeverity(), List.of("altel"), T0.plusSeconds(second), true, false,
        relations);
  }
}
