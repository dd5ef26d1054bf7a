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

  static Optional<Signal> of(SiteAlerts alerts, String siteId, String metric, Score score,
      Instant time, String eventId) {
    AlertRule rule = AlertRule.anomalyOf(metric);
    boolean held = alerts.heldBy(rule.fingerprint(siteId, metric), SOURCE);
    if (!held && score.score() >= FIRE) {
      return Optional.of(new Signal(rule, metric, SOURCE, true, rule.defaultSeverity(), time,
          eventId, Map.of(
              "metric", metric,
              "score", String.format("%.3f", score.score()),
              "observed", String.valueOf(score.value()),
              "expected_low", String.valueOf(score.low()),
              "expected_high", String.valueOf(score.high()),
              "detector", score.firedBy())));
    }
    if (held && score.score() < RELEASE) {
      return Optional.of(new Signal(rule, metric, SOURCE, false, rule.defaultSeverity(), time,
          eventId));
    }
    return Optional.empty();
  }
}
