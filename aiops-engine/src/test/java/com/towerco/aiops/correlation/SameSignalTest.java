package com.towerco.aiops.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.InhibitionRules;
import com.towerco.aiops.alerting.NotificationPolicy;
import com.towerco.events.payload.incident.OpenIncident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One signal, one alert: an anomaly (telemetry or KPI) or a sensor fault and a rule's alert that
 * watch the same signal at the same site are one problem, and the signal alert is evidence on
 * the rule's alert, whichever came first; a condition that flaps inside its problem notifies
 * once.
 */
class SameSignalTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  /** Nothing evidence-only, no inhibition: only the same-signal merge keeps an alert quiet. */
  private static final NotificationPolicy NOTHING_ELSE =
      new NotificationPolicy(InhibitionRules.none(), Set.of(), false, false);
  private int ids;

  @Test
  void aKpiAnomalyOfTheSignalAThresholdAlertWatchesIsEvidenceOnThatAlert() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NOTHING_ELSE);
    AlertFact mains = fact(AlertRule.MAINS_FAILURE, "S1", "", 0);
    AlertFact grid = fact(AlertRule.ANOMALY_KPI, "S1", "grid_availability_pct", 300);
    c.onAlert(mains);
    List<OpenIncident> opened = open(c, 30);
    var updates = c.onAlert(grid);

    assertThat(opened).hasSize(1);
    assertThat(c.suppression(mains.alertId())).isEmpty();
    assertThat(c.suppression(grid.alertId())).contains("same-signal:mains-failure@S1");
    assertThat(updates).extracting(u -> u.payload().getClass().getSimpleName())
        .contains("AttachAlert");
  }

  @Test
  void aThresholdAlertAfterTheKpiAnomalyOfItsSignalJoinsIt() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NOTHING_ELSE);
    // the fuel KPI is on the power chain; the theft on the fuel chain: by chain they would part
    AlertFact consumed = fact(AlertRule.ANOMALY_KPI, "S1", "fuel_consumed_l", 0);
    AlertFact theft = fact(AlertRule.FUEL_THEFT, "S1", "", 10);
    c.onAlert(consumed);
    c.onAlert(theft);
    List<OpenIncident> opened = open(c, 60);

    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).alertIds()).containsExactlyInAnyOrder(consumed.alertId(),
        theft.alertId());
    assertThat(opened.get(0).rootCause().kind()).isEqualTo("fuel-theft");
    assertThat(c.suppression(theft.alertId())).isEmpty();
  }

  @Test
  void aSensorFaultOfTheMetricAThermalProblemWatchesIsEvidenceOnIt() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    AlertFact hvac = fact(AlertRule.HVAC_FAILURE, "S1", "", 0);
    AlertFact glitch = fact(AlertRule.SENSOR_FAULT, "S1", "environment.cabinet_temp_c", 900);
    c.onAlert(hvac);
    c.onAlert(glitch);

    assertThat(open(c, 930)).hasSize(1);
    assertThat(c.suppression(glitch.alertId())).contains("same-signal:hvac-failure@S1");
  }

  @Test
  void anAnomalyOfAnotherSignalOrSiteIsNotMerged() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NOTHING_ELSE);
    AlertFact theft = fact(AlertRule.FUEL_THEFT, "S1", "", 0);
    AlertFact energy = fact(AlertRule.ANOMALY_KPI, "S1", "energy_kwh", 10);
    AlertFact elsewhere = fact(AlertRule.ANOMALY_KPI, "S2", "fuel_consumed_l", 10);
    c.onAlert(theft);
    c.onAlert(energy);
    c.onAlert(elsewhere);

    assertThat(c.suppression(energy.alertId())).isEmpty();
    assertThat(c.suppression(elsewhere.alertId())).isEmpty();
    assertThat(open(c, 60)).hasSize(1).allSatisfy(o -> assertThat(o.alertIds())
        .containsExactly(theft.alertId()));
  }

  @Test
  void aTenancyKpiAnomalyIsEvidenceOnThatTenantsPowerLossOnly() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NOTHING_ELSE);
    AlertFact lost = fact(AlertRule.TENANT_POWER_LOSS, "S1", "altel", 0);
    AlertFact altel = fact(AlertRule.ANOMALY_TENANCY_KPI, "S1", "altel", 60);
    AlertFact cyan = fact(AlertRule.ANOMALY_TENANCY_KPI, "S1", "cyan", 60);
    c.onAlert(lost);
    c.onAlert(altel);
    c.onAlert(cyan);

    assertThat(c.suppression(altel.alertId())).contains("same-signal:tenant-power-loss@S1");
    assertThat(c.suppression(cyan.alertId())).isEmpty();
  }

  @Test
  void aConditionThatFlapsInsideItsProblemNotifiesOnce() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    List<AlertFact> flaps = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int start = i * 150;
      AlertFact rectifier = fact(AlertRule.RECTIFIER_FAILURE, "S1", "", start);
      flaps.add(rectifier);
      c.onAlert(rectifier);
      c.tick(T0.plusSeconds(start + 30));
      // it resolves (condition gone, flap hold-down over) 90 s later; back 60 s after that
      c.onAlert(resolved(rectifier, start + 90));
      c.tick(T0.plusSeconds(start + 100));
    }

    assertThat(c.suppression(flaps.get(0).alertId())).isEmpty();
    flaps.subList(1, 4).forEach(f -> assertThat(c.suppression(f.alertId()))
        .contains("problem:rectifier-failure@S1"));
  }

  private static List<OpenIncident> open(Correlator c, int second) {
    return c.tick(T0.plusSeconds(second)).stream().map(IncidentUpdate::payload)
        .filter(OpenIncident.class::isInstance).map(OpenIncident.class::cast).toList();
  }

  private AlertFact fact(AlertRule rule, String site, String subject, int second) {
    return new AlertFact("a" + (++ids), rule.fingerprint(site, subject), rule, site, "north",
        "H9", rule.defaultSeverity(), List.of("altel"), T0.plusSeconds(second), true, false,
        new AlertFact.Relations("F1", List.of("H9"), "fuel-1", "contractor-1"));
  }

  private static AlertFact resolved(AlertFact fact, int second) {
    return new AlertFact(fact.alertId(), fact.fingerprint(), fact.rule(), fact.siteId(),
        fact.region(), fact.hubSiteId(), fact.severity(), fact.affectedTenants(),
        T0.plusSeconds(second), false, false, fact.relations());
  }
}
