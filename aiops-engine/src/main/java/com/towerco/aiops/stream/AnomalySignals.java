package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.SiteAlerts;
import com.towerco.aiops.alerting.Signal;
import com.towerco.aiops.detection.Score;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a detector's score into an anomaly alert signal with hysteresis: it fires at a score of
 * 0.8 and lets go below 0.5. The signal's details say why: the score, the expected range, the
 * observed value and the detector (or sub-detector) that fired.
 */
final class AnomalySignals {
  static final String SOURCE = "detector";
  static final double FIRE = 0.8;
  static final double RELEASE = Score.ANOMALOUS;

  private AnomalySignals() {}

  /** A telemetry metric's signal: the metric is the alert's subject. */
  static Optional<Signal> of(SiteAlerts alerts, String siteId, String metric, Score score,
      Instant time, String eventId) {
    return of(alerts, AlertRule.anomalyOf(metric), metric, SOURCE, siteId, metric, score, time,
        eventId);
  }

  /**
   * The signal of {@code source} for the alert of {@code rule} and {@code subject}; several
   * sources (a tenancy's KPIs) may hold one alert up, which resolves when the last lets go.
   */
  static Optional<Signal> of(SiteAlerts alerts, AlertRule rule, String subject, String source,
      String siteId, String metric, Score score, Instant time, String eventId) {
    boolean held = alerts.heldBy(rule.fingerprint(siteId, subject), source);
    if (!held && score.score() >= FIRE) {
      return Optional.of(new Signal(rule, subject, source, true, rule.defaultSeverity(), time,
          eventId, Map.of(
              "metric", metric,
              "score", String.format("%.3f", score.score()),
              "observed", String.valueOf(score.value()),
              "expected_low", String.valueOf(score.low()),
              "expected_high", String.valueOf(score.high()),
              "detector", score.firedBy())));
    }
    if (held && score.score() < RELEASE) {
      return Optional.of(new Signal(rule, subject, source, false, rule.defaultSeverity(), time,
          eventId));
    }
    return Optional.empty();
  }
}
