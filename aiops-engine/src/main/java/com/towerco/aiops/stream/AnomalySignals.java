package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.SiteAlerts;
import com.towerco.aiops.alerting.Signal;
import com.towerco.aiops.detection.Score;
import com.towerco.aiops.detection.SeriesWatch;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a watched series' alarm (its detector's scores under the class's
 * {@link com.towerco.aiops.detection.AlarmPolicy}: persistent or extreme anomalies only, damped
 * when it keeps firing) into an anomaly alert signal: raised while the alarm is on, let go when
 * it ends. The signal's details say why: the score, the expected range, the observed value and
 * the detector view that fired.
 */
final class AnomalySignals {
  static final String SOURCE = "detector";

  private AnomalySignals() {}

  /** A telemetry metric's signal: the metric is the alert's subject. */
  static Optional<Signal> of(SiteAlerts alerts, String siteId, String metric,
      SeriesWatch.Verdict verdict, Instant time, String eventId) {
    return of(alerts, AlertRule.anomalyOf(metric), metric, SOURCE, siteId, metric, verdict, time,
        eventId);
  }

  /**
   * The signal of {@code source} for the alert of {@code rule} and {@code subject}; several
   * sources (a tenancy's KPIs) may hold one alert up, which resolves when the last lets go.
   */
  static Optional<Signal> of(SiteAlerts alerts, AlertRule rule, String subject, String source,
      String siteId, String metric, SeriesWatch.Verdict verdict, Instant time, String eventId) {
    boolean held = alerts.heldBy(rule.fingerprint(siteId, subject), source);
    Score score = verdict.score();
    if (!held && verdict.alarm()) {
      return Optional.of(new Signal(rule, subject, source, true, rule.defaultSeverity(), time,
          eventId, Map.of(
              "metric", metric,
              "score", String.format("%.3f", score.score()),
              "observed", String.valueOf(score.value()),
              "expected_low", String.valueOf(score.low()),
              "expected_high", String.valueOf(score.high()),
              "detector", score.firedBy())));
    }
    if (held && !verdict.alarm()) {
      return Optional.of(new Signal(rule, subject, source, false, rule.defaultSeverity(), time,
          eventId));
    }
    return Optional.empty();
  }
}
