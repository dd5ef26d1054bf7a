package com.towerco.aiops.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.detection.AlarmPolicy;
import com.towerco.aiops.detection.Detectors;
import com.towerco.aiops.detection.SeriesWatch;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alarm policies per metric class from settings, and the alarm-rate metric per class. */
class AnomalyPoliciesTest {
  @Test
  void eachClassHasItsPolicyAndSettingsOverrideItsParts() {
    Map<String, String> settings = Map.of("aiops.anomaly.anomaly-kpi.persist", "4",
        "aiops.anomaly.anomaly-thermal.persist-for", "PT5M");
    AnomalyPolicies policies = AnomalyPolicies.from(new ServiceSettings(settings));
    assertThat(policies.of(AlertRule.ANOMALY_KPI).persist()).isEqualTo(4);
    assertThat(policies.of(AlertRule.ANOMALY_THERMAL).persistFor())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(policies.of(AlertRule.ANOMALY_POWER)).isEqualTo(AnomalyPolicies.TELEMETRY);
    assertThat(policies.of(AlertRule.ANOMALY_TENANCY_KPI)).isEqualTo(AnomalyPolicies.KPI);
  }

  @Test
  void theAlarmRateCountsAlarmsPerSeriesPerDayAndFades() {
    DetectorAlarms alarms = new DetectorAlarms(null);
    SeriesWatch.Verdict on = new SeriesWatch.Verdict(
        com.towerco.aiops.detection.Score.unknown(0, 1, "x"), true, true, false);
    SeriesWatch.Verdict quiet = new SeriesWatch.Verdict(
        com.towerco.aiops.detection.Score.unknown(0, 1, "x"), false, false, false);
    alarms.record(AlertRule.ANOMALY_KPI, "S1|a", on, 0);
    alarms.record(AlertRule.ANOMALY_KPI, "S1|b", quiet, 0);
    assertThat(alarms.rate(AlertRule.ANOMALY_KPI)).isEqualTo(0.5);
    alarms.record(AlertRule.ANOMALY_KPI, "S1|b", quiet, 3 * 86_400_000L);
    assertThat(alarms.rate(AlertRule.ANOMALY_KPI)).isLessThan(0.05);
    assertThat(alarms.rate(AlertRule.ANOMALY_POWER)).isZero();
    assertThat(Detectors.all()).isNotEmpty();
  }

  @Test
  void aSeriesKeptByItsWatchCountsInItsClassAsARecordByName() {
    DetectorAlarms alarms = new DetectorAlarms(null);
    SeriesWatch.Verdict on = new SeriesWatch.Verdict(
        com.towerco.aiops.detection.Score.unknown(0, 1, "x"), true, true, false);
    SeriesWatch.Verdict quiet = new SeriesWatch.Verdict(
        com.towerco.aiops.detection.Score.unknown(0, 1, "x"), false, false, false);
    DetectorAlarms.Series a = alarms.series(AlertRule.ANOMALY_POWER, "S1|a");
    a.record(on, 0);
    alarms.record(AlertRule.ANOMALY_POWER, "S1|b", quiet, 0);
    alarms.series(AlertRule.ANOMALY_POWER, "S1|b").record(quiet, 0);
    assertThat(alarms.rate(AlertRule.ANOMALY_POWER)).isEqualTo(0.5); // two series, one alarm
    assertThat(alarms.rate(AlertRule.ANOMALY_THERMAL)).isZero();
    a.record(quiet, 3 * 86_400_000L);
    assertThat(alarms.rate(AlertRule.ANOMALY_POWER)).isLessThan(0.05);
  }

  @Test
  void pointsAtATimeAlreadySeenCountTheirAlarmsAndChangeNothingElse() {
    DetectorAlarms alarms = new DetectorAlarms(null);
    var score = com.towerco.aiops.detection.Score.unknown(0, 1, "x");
    SeriesWatch.Verdict on = new SeriesWatch.Verdict(score, true, true, false);
    SeriesWatch.Verdict quiet = new SeriesWatch.Verdict(score, false, false, false);
    DetectorAlarms.Series a = alarms.series(AlertRule.ANOMALY_POWER, "S1|a");
    DetectorAlarms.Series b = alarms.series(AlertRule.ANOMALY_POWER, "S2|a");
    a.record(quiet, 60_000);
    b.record(quiet, 60_000);
    for (int i = 0; i < 100; i++) { // the same time (other sites' readings) and late points
      a.record(quiet, 60_000);
      b.record(quiet, 30_000);
    }
    assertThat(alarms.rate(AlertRule.ANOMALY_POWER)).isZero();
    b.record(on, 60_000); // an alarm at a time already seen counts
    assertThat(alarms.rate(AlertRule.ANOMALY_POWER)).isEqualTo(0.5);
    a.record(quiet, 30_000);
    assertThat(alarms.rate(AlertRule.ANOMALY_POWER)).isEqualTo(0.5);
    a.record(quiet, 60_000 + 86_400_000L); // a day later: faded by e
    assertThat(alarms.rate(AlertRule.ANOMALY_POWER)).isCloseTo(0.5 / Math.E,
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aKeptSeriesReportsItsDampedStateAsItChanges() {
    var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    DetectorAlarms alarms = new DetectorAlarms(registry);
    var score = com.towerco.aiops.detection.Score.unknown(0, 1, "x");
    SeriesWatch.Verdict damped = new SeriesWatch.Verdict(score, false, false, true);
    SeriesWatch.Verdict free = new SeriesWatch.Verdict(score, false, false, false);
    DetectorAlarms.Series a = alarms.series(AlertRule.ANOMALY_POWER, "S1|a");
    DetectorAlarms.Series b = alarms.series(AlertRule.ANOMALY_POWER, "S1|b");
    java.util.function.DoubleSupplier dampedSeries = () -> registry
        .get("towerco_detector_damped_series").tag("class", AlertRule.ANOMALY_POWER.id())
        .gauge().value();
    a.record(free, 0);
    b.record(damped, 0);
    assertThat(dampedSeries.getAsDouble()).isEqualTo(1);
    a.record(damped, 1);
    a.record(damped, 2);
    assertThat(dampedSeries.getAsDouble()).isEqualTo(2);
    b.record(free, 3);
    a.record(free, 4);
    a.record(free, 5);
    assertThat(dampedSeries.getAsDouble()).isZero();
    assertThat(alarms.rate(AlertRule.ANOMALY_POWER)).isZero(); // two series, no alarm
  }

  @Test
  void aSnapshotOfAnotherFormatStartsTheSeriesAfreshInsteadOfFailing() {
    SeriesWatch watch = SeriesWatch.restore(Detectors.byName("adaptive"), AlarmPolicy.DEFAULT,
        new byte[] {1, 2, 3});
    assertThat(watch.observe(0, 1).score().learning()).isTrue();
  }
}
