package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.Signal;
import com.towerco.aiops.alerting.SiteAlerts;
import com.towerco.aiops.detection.DetectorFactory;
import com.towerco.aiops.detection.SeriesWatch;
import com.towerco.events.Envelope;
import com.towerco.events.InvalidEventException;
import com.towerco.events.RejectReason;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.metrics.ServiceMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Anomaly detection on the KPIs: one online detector per KPI series (a site's KPI, or a
 * tenancy's), fed the closed windows the KPI Calculator publishes. A site KPI out of its learned
 * behaviour raises {@link AlertRule#ANOMALY_KPI} with the KPI as subject, seen by every tenant
 * on the site; a tenancy's KPIs raise one {@link AlertRule#ANOMALY_TENANCY_KPI} for that tenant
 * only, held up by each anomalous KPI. The alerts go to correlation like the site rules' alerts.
 *
 * <p>State is kept by series owner ({@code site|site} or {@code site|tenant}): the firing alerts
 * as they change, the detectors' learned state every few seconds. Detectors learn windows in
 * order: a window that does not end after the last one learned (a repeat, a replay) is skipped.
 */
final class KpiAnomalyProcessor implements Processor<String, byte[], String, Emission> {
  static final Duration SAVE_EVERY = Duration.ofSeconds(5);
  private static final String SITE_SCOPE = "site";

  private final RecordDecoder decoder;
  private final ServiceMetrics metrics;
  private final DetectorFactory factory;
  private final AnomalyPolicies policies;
  private final DetectorAlarms alarms;
  private final Duration flapHold;
  private final DeadLetterRoute deadLetters;
  private final AlertEmitter emitter;
  private final Map<String, Series> series = new HashMap<>();
  private ProcessorContext<String, Emission> context;
  private AlertBook book;
  private KeyValueStore<String, Saved> detectionStore;
  private Instant lastResolveCheck = Instant.MIN;
  private final LearnedStateSaves<String> saves;

  /**
   * One owner's detectors as stored: {@link SeriesWatch} snapshots (detector and alarm) by KPI
   * name, and the end of the last window they learned from.
   */
  record Saved(Map<String, byte[]> detectors, Instant learnedUntil) {}

  /** One owner's live detectors. */
  private static final class Series {
    final Map<String, SeriesWatch> detectors = new TreeMap<>();
    Instant learnedUntil = Instant.MIN;
    boolean dirty;
  }

  KpiAnomalyProcessor(RecordDecoder decoder, SiteLookup sites, Publications publications,
      ServiceMetrics metrics, Duration flapHold, DetectorFactory factory,
      AnomalyPolicies policies, DetectorAlarms alarms, Duration saveInterval) {
    this.saves = new LearnedStateSaves<>(SAVE_EVERY, saveInterval);
    this.decoder = decoder;
    this.metrics = metrics;
    this.factory = factory;
    this.policies = policies;
    this.alarms = alarms;
    this.flapHold = flapHold;
    this.deadLetters = new DeadLetterRoute(metrics);
    this.emitter = new AlertEmitter(sites, publications, true);
  }

  @Override
  public void init(ProcessorContext<String, Emission> context) {
    this.context = context;
    this.book = new AlertBook(context.getStateStore(AiopsTopology.KPI_ALERTS_STORE), flapHold,
        emitter);
    this.detectionStore = context.getStateStore(AiopsTopology.KPI_DETECTION_STORE);
    context.schedule(SAVE_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> save());
  }

  @Override
  public void close() {
    try {
      save(saves.all());
    } catch (RuntimeException e) {
      // the store is already closed; at most SAVE_EVERY of learning is lost
    }
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordMetadata origin = context.recordMetadata().orElseThrow();
    // Its event time becomes the timestamp of what the engine forwards: the header's time is
    // judged before decoding, as admission did (it now judges the Kafka timestamp only); once
    // decoded, a record without complete headers (ADR-057, ADR-059).
    EventHeaders.Attributes routing = EventHeaders.read(record.headers());
    if (deadLetters.refusedFromTheFuture(context, record, routing != null ? routing.time()
        : EventHeaders.time(record.headers()))) {
      return;
    }
    Envelope event;
    try {
      event = decoder.decode(origin.topic(), origin.partition(), origin.offset(), record.value());
      if (routing != null) {
        EventHeaders.checkRead(routing, event); // the headers were read once already
      } else {
        EventHeaders.check(record.headers(), event); // refuses an incomplete set
      }
    } catch (InvalidEventException e) {
      deadLetters.send(context, record, e.reason(), e.detail());
      return;
    }
    if (routing == null && deadLetters.refusedFromTheFuture(context, record, event.timestamp())) {
      return;
    }
    try {
      if (!(event.payload() instanceof KpiComputed kpi)) {
        return;
      }
      observe(kpi, event);
      metrics.eventIn(event.eventType(), event.timestamp(), System.currentTimeMillis());
      if (event.timestamp().isAfter(lastResolveCheck.plusSeconds(1))) {
        lastResolveCheck = event.timestamp();
        book.resolveDue(context, event.timestamp());
      }
    } catch (RuntimeException e) {
      deadLetters.send(context, record, RejectReason.PROCESSING_FAILED, e.toString());
    }
  }

  private void observe(KpiComputed kpi, Envelope event) {
    boolean site = kpi.scope() == KpiComputed.KpiScope.SITE;
    String owner = kpi.siteId() + "|" + (site ? SITE_SCOPE : kpi.tenantId());
    Series owned = series.computeIfAbsent(owner, this::restore);
    if (!kpi.windowEnd().isAfter(owned.learnedUntil)) {
      // A window seen before (a repeat, or a replay after a restart): detectors learn in order.
      metrics.duplicateSkipped();
      return;
    }
    owned.learnedUntil = kpi.windowEnd();
    SiteAlerts alerts = book.alerts(owner, kpi.siteId());
    List<Signal> signals = new ArrayList<>();
    long t = kpi.windowEnd().toEpochMilli();
    AlertRule rule = site ? AlertRule.ANOMALY_KPI : AlertRule.ANOMALY_TENANCY_KPI;
    for (Map.Entry<String, Double> value : new TreeMap<>(kpi.values()).entrySet()) {
      String name = value.getKey();
      SeriesWatch.Verdict verdict = owned.detectors.computeIfAbsent(name,
          n -> new SeriesWatch(factory.create(), policies.of(rule))).observe(t, value.getValue());
      alarms.record(rule, owner + "|" + name, verdict, t);
      String subject = site ? name : kpi.tenantId();
      AnomalySignals.of(alerts, rule, subject, AnomalySignals.SOURCE + ":" + name, kpi.siteId(),
          name, verdict, kpi.windowEnd(), event.eventId()).ifPresent(signals::add);
    }
    owned.dirty = true;
    saves.changed(owner);
    book.apply(context, owner, kpi.siteId(), signals);
  }

  private Series restore(String owner) {
    Series restored = new Series();
    Saved saved = detectionStore.get(owner);
    AlertRule rule = owner.endsWith("|" + SITE_SCOPE) ? AlertRule.ANOMALY_KPI
        : AlertRule.ANOMALY_TENANCY_KPI;
    if (saved != null) {
      saved.detectors().forEach((name, bytes) ->
          restored.detectors.put(name, SeriesWatch.restore(factory, policies.of(rule), bytes)));
      if (saved.learnedUntil() != null) {
        restored.learnedUntil = saved.learnedUntil();
      }
    }
    return restored;
  }

  private void save() {
    save(saves.next(series.size()));
  }

  private void save(java.util.List<String> due) {
    for (String owner : due) {
      Series owned = series.get(owner);
      if (owned != null && owned.dirty) {
        owned.dirty = false;
        Map<String, byte[]> snapshots = new TreeMap<>();
        owned.detectors.forEach((name, detector) -> snapshots.put(name, detector.snapshot()));
        detectionStore.put(owner, new Saved(snapshots, owned.learnedUntil));
      }
    }
  }
}
