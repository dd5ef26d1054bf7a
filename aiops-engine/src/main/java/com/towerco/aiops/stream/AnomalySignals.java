package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.ActiveAlert;
import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.SiteAlerts;
import com.towerco.aiops.alerting.Signal;
import com.towerco.aiops.detection.Score;
import com.towerco.aiops.detection.SeriesWatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns a watched series' alarm (its detector's scores under the class's
 * {@link com.towerco.aiops.detection.AlarmPolicy}: persistent or extreme anomalies only, damped
 * when it keeps firing) into an anomaly alert signal: raised while the alarm is on, let go when
 * it ends. The signal's details say why: the score, the expected range, the observed value and
 * the detector view that fired. A telemetry anomaly that starts while a rule's alert on the same
 * causal chain fires at the site (mains failure, HVAC failure, fuel theft, ...) is the same cause
 * seen by another sensor: it joins that alert as one more source instead of raising its own; so
 * does an anomaly of a reading the threshold rules judged a sensor glitch (it joins the
 * {@code sensor-fault} alert of that metric).
 */
final class AnomalySignals {
  static final String SOURCE = "detector";

  private AnomalySignals() {}

  /**
   * A telemetry metric's signal: its own anomaly alert (the metric is the subject), or, when a
   * rule's alert of the same chain already fires at the site, that alert with the metric's
   * detector as one more source ({@code detector:<metric>}).
   */
  static Optional<Signal> of(SiteAlerts alerts, List<Signal> pending, String siteId,
      String metric, SeriesWatch.Verdict verdict, Instant time, String eventId) {
    return of(alerts, pending, siteId, metric, AlertRule.anomalyOf(metric), verdict, time,
        eventId);
  }

  /** As above, with the metric's own anomaly rule ({@code AlertRule.anomalyOf(metric)}). */
  static Optional<Signal> of(SiteAlerts alerts, List<Signal> pending, String siteId,
      String metric, AlertRule own, SeriesWatch.Verdict verdict, Instant time, String eventId) {
    if (verdict.changed()) {
      String joining = SOURCE + ":" + metric;
      if (verdict.alarm()) {
        // A rule signal of this reading, applied just before, counts as firing already.
        Optional<Signal> cause = Stream.concat(
            pending.stream().filter(Signal::active),
            alerts.active().stream().filter(a -> !a.clearing()).map(a -> new Signal(a.rule(),
                a.subject(), "", true, a.severity(), time, eventId)))
            .filter(c -> !c.rule().id().startsWith("anomaly") && c.rule().chain() == own.chain()
                || c.rule() == AlertRule.SENSOR_FAULT && c.subject().equals(metric))
            .findFirst();
        if (cause.isPresent()) {
          Signal c = cause.get();
          return Optional.of(new Signal(c.rule(), c.subject(), joining, true, c.severity(), time,
              eventId, details(metric, verdict.score())));
        }
      } else {
        Optional<ActiveAlert> joined = alerts.active().stream()
            .filter(a -> a.sources().contains(joining)).findFirst();
        if (joined.isPresent()) {
          ActiveAlert j = joined.get();
          return Optional.of(new Signal(j.rule(), j.subject(), joining, false, j.severity(), time,
              eventId));
        }
      }
    } else if (verdict.alarm()) {
      return Optional.empty(); // raised (or joined) when it switched on
    }
    return of(alerts, own, metric, SOURCE, siteId, metric, verdict, time, eventId);
  }

  /**
   * The signal of {@code source} for the alert of {@code rule} and {@code subject}; several
   * sources (a tenancy's KPIs) may hold one alert up, which resolves when the last lets go.
   */
  static Optional<Signal> of(SiteAlerts alerts, AlertRule rule, String subject, String source,
      String siteId, String metric, SeriesWatch.Verdict verdict, Instant time, String eventId) {
    boolean held = siteId.equals(alerts.siteId()) ? alerts.heldBy(rule, subject, source)
        : alerts.heldBy(rule.fingerprint(siteId, subject), source);
    Score score = verdict.score();
    if (!held && verdict.alarm()) {
      return Optional.of(new Signal(rule, subject, source, true, rule.defaultSeverity(), time,
          eventId, details(metric, score)));
    }
    if (held && !verdict.alarm()) {
      return Optional.of(new Signal(rule, subject, source, false, rule.defaultSeverity(), time,
          eventId));
    }
    return Optional.empty();
  }

  private static Map<String, String> details(String metric, Score score) {
    return Map.of(
        "metric", metric,
        "score", String.format("%.3f", score.score()),
        "observed", String.valueOf(score.value()),
        "expected_low", String.valueOf(score.low()),
        "expected_high", String.valueOf(score.high()),
        "detector", score.firedBy());
  }
}
