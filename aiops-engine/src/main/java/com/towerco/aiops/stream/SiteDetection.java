package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.SiteAlerts;
import com.towerco.aiops.alerting.Signal;
import com.towerco.aiops.detection.DetectorFactory;
import com.towerco.aiops.detection.SeriesWatch;
import com.towerco.aiops.detection.TelemetryMetrics;
import com.towerco.aiops.detection.site.Finding;
import com.towerco.aiops.detection.site.ScheduledVisit;
import com.towerco.aiops.detection.site.SiteDetectors;
import com.towerco.aiops.detection.site.SiteReading;
import com.towerco.aiops.detection.site.Step;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Detection for one site: an online anomaly detector per telemetry metric and the site
 * detectors of the causal model (fuel theft, generator start failure, battery autonomy, thermal
 * runaway, unscheduled door), turned into alert signals ({@link AnomalySignals}). The learned
 * state is saved as a {@link Snapshot} in the engine's changelogged store.
 */
final class SiteDetection {
  static final String SOURCE = AnomalySignals.SOURCE;

  private final String siteId;
  private final DetectorFactory factory;
  private final AnomalyPolicies policies;
  private final DetectorAlarms alarms;
  private final SiteDetectors siteDetectors;
  private final Map<String, SeriesWatch> detectors = new HashMap<>();
  private final Map<String, Watched> watchedByMetric = new HashMap<>();
  private SiteDetectors.State state;
  /** The purpose of a visit that is a maintenance window ({@code site.maintenance-window}). */
  static final String MAINTENANCE = "maintenance-window";
  private final List<ScheduledVisit> visits = new ArrayList<>();
  private boolean dirty;
  private final Reading reading = new Reading();

  /**
   * What is kept in the store: per metric the {@link SeriesWatch} snapshot (detector and alarm),
   * site detector state, visits.
   */
  record Snapshot(Map<String, byte[]> detectors, SiteDetectors.State state,
      List<ScheduledVisit> visits) {}

  SiteDetection(String siteId, DetectorFactory factory, AnomalyPolicies policies,
      DetectorAlarms alarms, Snapshot saved) {
    this.siteId = siteId;
    this.factory = factory;
    this.policies = policies;
    this.alarms = alarms;
    this.siteDetectors = new SiteDetectors((site, time) -> visits.stream()
        .filter(v -> v.covers(time)).findFirst());
    if (saved != null) {
      saved.detectors().forEach((metric, bytes) -> detectors.put(metric,
          SeriesWatch.restore(factory, policies.of(AlertRule.anomalyOf(metric)), bytes)));
      visits.addAll(saved.visits() == null ? List.of() : saved.visits());
    }
    this.state = saved != null && saved.state() != null ? saved.state()
        : siteDetectors.initial();
  }

  /**
   * Scores one reading and returns the alert signals whose state changed; {@code ruleSignals}
   * are the rules' signals of the same reading, applied before these.
   */
  List<Signal> observe(SiteAlerts alerts, List<Signal> ruleSignals, SiteTelemetry telemetry,
      SiteRegistered site, Instant time, String eventId) {
    List<Signal> signals = new ArrayList<>();
    reading.start(alerts, ruleSignals, time, eventId, signals);
    if (TelemetryMetrics.distinctTenants(telemetry)) {
      TelemetryMetrics.forEach(telemetry, reading);
    } else {
      TelemetryMetrics.of(telemetry).forEach(reading::accept);
    }
    reading.end();
    Step<SiteDetectors.State> step = siteDetectors.observe(state,
        new SiteReading(siteId, time, telemetry, site));
    state = step.state();
    for (Finding finding : step.findings()) {
      signal(finding, eventId).ifPresent(signals::add);
    }
    if (!visits.isEmpty()) {
      visits.removeIf(v -> !v.covers(time) && v.until().isBefore(time));
    }
    dirty = true;
    return signals;
  }

  /**
   * The metric's watch with what the engine derives from its name, made once per metric rather
   * than on every reading: its anomaly rule and its series in {@link DetectorAlarms}.
   */
  private Watched watched(String metric) {
    Watched watched = watchedByMetric.get(metric);
    if (watched == null) {
      AlertRule rule = AlertRule.anomalyOf(metric);
      SeriesWatch watch = detectors.computeIfAbsent(metric,
          m -> new SeriesWatch(factory.create(), policies.of(rule)));
      watched = new Watched(metric, rule, alarms.series(rule, siteId + "|" + metric), watch);
      watchedByMetric.put(metric, watched);
    }
    return watched;
  }

  /**
   * Feeds one reading's metrics to their watches (ADR-063): made once per site rather than a
   * capturing lambda per reading, and finding each metric's watch at the metric's place in the
   * reading, which is the same from reading to reading (the names are the same strings), so
   * usually without a map look-up; a metric at another place is looked up by name as before.
   */
  private final class Reading implements TelemetryMetrics.Sink {
    private Watched[] slots = new Watched[16];
    private int place;
    private SiteAlerts alerts;
    private List<Signal> ruleSignals;
    private Instant time;
    private long millis;
    private String eventId;
    private List<Signal> signals;

    void start(SiteAlerts alerts, List<Signal> ruleSignals, Instant time, String eventId,
        List<Signal> signals) {
      this.alerts = alerts;
      this.ruleSignals = ruleSignals;
      this.time = time;
      this.millis = time.toEpochMilli();
      this.eventId = eventId;
      this.signals = signals;
      this.place = 0;
    }

    /** Lets go of the reading (nothing of it is kept until the next). */
    void end() {
      alerts = null;
      ruleSignals = null;
      signals = null;
    }

    @Override
    public void accept(String name, double value) {
      Watched watched = at(place++, name);
      SeriesWatch.Verdict verdict = watched.watch.observe(millis, value);
      watched.alarms.record(verdict, millis);
      java.util.Optional<Signal> signal = AnomalySignals.of(alerts, ruleSignals, siteId, name,
          watched.rule, verdict, time, eventId);
      if (signal.isPresent()) { // not ifPresent(signals::add): a method reference per metric
        signals.add(signal.get());
      }
    }

    private Watched at(int place, String name) {
      if (place < slots.length) {
        Watched slot = slots[place];
        if (slot != null && slot.metric == name) {
          return slot;
        }
      } else {
        slots = java.util.Arrays.copyOf(slots, Math.max(place + 1, slots.length * 2));
      }
      Watched watched = watched(name);
      slots[place] = watched;
      return watched;
    }
  }

  private record Watched(String metric, AlertRule rule, DetectorAlarms.Series alarms,
      SeriesWatch watch) {}

  void visitScheduled(ScheduledVisit visit) {
    visits.removeIf(v -> v.visitId().equals(visit.visitId()));
    visits.add(visit);
    dirty = true;
  }

  /** The maintenance window the site is in at {@code time} (no slack), if any. */
  java.util.Optional<String> maintenanceAt(java.time.Instant time) {
    return visits.stream().filter(v -> v.purpose().startsWith(MAINTENANCE)
            && !time.isBefore(v.from()) && !time.isAfter(v.until()))
        .map(ScheduledVisit::visitId).findFirst();
  }

  boolean dirty() {
    return dirty;
  }

  Snapshot snapshot() {
    dirty = false;
    Map<String, byte[]> saved = new HashMap<>();
    detectors.forEach((metric, detector) -> saved.put(metric, detector.snapshot()));
    return new Snapshot(saved, state, List.copyOf(visits));
  }

  private static java.util.Optional<Signal> signal(Finding finding, String eventId) {
    AlertRule rule = switch (finding.kind()) {
      case FUEL_THEFT -> AlertRule.FUEL_THEFT;
      case GENERATOR_START_FAILURE -> AlertRule.GENERATOR_FAILURE;
      case SITE_DOWN_PREDICTED -> AlertRule.SITE_DOWN_PREDICTED;
      case THERMAL_RUNAWAY -> AlertRule.THERMAL_RUNAWAY;
      case UNSCHEDULED_DOOR_OPEN -> AlertRule.UNSCHEDULED_DOOR_OPEN;
      case REFUEL -> null;
    };
    if (rule == null || finding.status() == Finding.Status.UPDATED) {
      return java.util.Optional.empty();
    }
    Map<String, String> details = new HashMap<>();
    details.put("finding", finding.summary());
    finding.evidence().forEach((k, v) -> details.put(k, String.valueOf(v)));
    if (finding.predictedAt() != null) {
      details.put("predicted_at", finding.predictedAt().toString());
    }
    return java.util.Optional.of(new Signal(rule, "", SOURCE + ":" + finding.kind().id(),
        finding.status() != Finding.Status.CLEARED, finding.severity(), finding.time(), eventId,
        details));
  }
}
