package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.ActiveAlert;
import com.towerco.aiops.alerting.AlarmRules;
import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.AlertTransition;
import com.towerco.aiops.alerting.Signal;
import com.towerco.aiops.alerting.SiteAlerts;
import com.towerco.aiops.alerting.TelemetryRules;
import com.towerco.aiops.correlation.AlertFact;
import com.towerco.events.Envelope;
import com.towerco.events.InvalidEventException;
import com.towerco.events.RejectReason;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.Deduplicator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The first stage of the engine, per site: decodes each site event (dead-lettering what is not
 * a valid event), skips repeats, evaluates alarm, telemetry and reachability rules against the
 * site's firing alerts, publishes alert changes, and hands them to the region's correlator
 * together with the passing of event time. Firing alerts live in a changelogged store; a local
 * cache keeps steady-state telemetry free of store reads and writes.
 */
final class SiteRulesProcessor implements Processor<String, byte[], String, Emission> {
  static final Duration WATERMARK_EVERY = Duration.ofSeconds(5);
  static final Duration SAVE_DETECTION_EVERY = Duration.ofSeconds(5);

  private final RecordDecoder decoder;
  private final SiteLookup sites;
  private final ServiceMetrics metrics;
  private final Deduplicator deduplicator = new Deduplicator(Duration.ofMinutes(10));
  private final DeadLetterRoute deadLetters;
  private final AlertEmitter emitter;
  private final Duration flapHold;
  private ProcessorContext<String, Emission> context;
  private AlertBook book;
  private KeyValueStore<String, SiteDetection.Snapshot> detectionStore;
  private final Map<String, SiteDetection> detections = new HashMap<>();
  private final com.towerco.aiops.detection.DetectorFactory detectorFactory;
  private final AnomalyPolicies anomalyPolicies;
  private final com.towerco.aiops.alerting.RulePolicies rulePolicies;
  private final com.towerco.aiops.policy.PolicyBoard policyBoard;
  private final DetectorAlarms detectorAlarms;
  private final LearnedStateSaves<String> saves;
  private Instant lastWatermark = Instant.MIN;
  private Instant lastResolveCheck = Instant.MIN;

  SiteRulesProcessor(RecordDecoder decoder, SiteLookup sites, Publications publications,
      ServiceMetrics metrics, Duration flapHold,
      com.towerco.aiops.detection.DetectorFactory detectorFactory,
      AnomalyPolicies anomalyPolicies, com.towerco.aiops.alerting.RulePolicies rulePolicies,
      com.towerco.aiops.policy.PolicyBoard policyBoard, DetectorAlarms detectorAlarms,
      Duration saveInterval) {
    this.decoder = decoder;
    this.saves = new LearnedStateSaves<>(SAVE_DETECTION_EVERY, saveInterval);
    this.rulePolicies = rulePolicies;
    this.policyBoard = policyBoard;
    this.detectorFactory = detectorFactory;
    this.anomalyPolicies = anomalyPolicies;
    this.detectorAlarms = detectorAlarms;
    this.deadLetters = new DeadLetterRoute(metrics);
    this.emitter = new AlertEmitter(sites, publications);
    this.flapHold = flapHold;
    this.sites = sites;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Emission> context) {
    this.context = context;
    this.book = new AlertBook(context.getStateStore(AiopsTopology.SITE_ALERTS_STORE), flapHold,
        emitter, rulePolicies.inhibition());
    this.detectionStore = context.getStateStore(AiopsTopology.SITE_DETECTION_STORE);
    // Learned detector state is saved in rounds every few seconds, at a bounded number of sites
    // a round (each site about once per save interval), rather than on every reading: a crash
    // loses at most that much learning, never an alert (alerts are written as they change).
    context.schedule(SAVE_DETECTION_EVERY, org.apache.kafka.streams.processor.PunctuationType
        .WALL_CLOCK_TIME, now -> saveDetection());
  }

  private void saveDetection() {
    save(saves.next(detections.size()));
  }

  private void save(List<String> due) {
    for (String site : due) {
      SiteDetection detection = detections.get(site);
      if (detection != null && detection.dirty()) {
        detectionStore.put(site, detection.snapshot());
      }
    }
  }

  @Override
  public void close() {
    try {
      save(saves.all());
    } catch (RuntimeException e) {
      // the store is already closed; at most SAVE_DETECTION_EVERY of learning is lost
    }
  }

  /** The site's detection, which is about to learn (so it will be saved). */
  private SiteDetection detection(String siteId) {
    saves.changed(siteId);
    // get first: computeIfAbsent's lambda captures this, one object per reading (ADR-055)
    SiteDetection detection = detections.get(siteId);
    if (detection == null) {
      detection = new SiteDetection(siteId, detectorFactory, anomalyPolicies, detectorAlarms,
          detectionStore.get(siteId));
      detections.put(siteId, detection);
    }
    return detection;
  }

  /** The site event types the rules read; records whose headers name another are skipped. */
  static final Set<String> HANDLED_TYPES = Set.of("site.telemetry", "site.alarm",
      "site.connectivity", "site.visit-scheduled");

  @Override
  public void process(Record<String, byte[]> record) {
    RecordMetadata origin = context.recordMetadata().orElseThrow();
    // A repeat is recognised from its routing headers, before any JSON is parsed; a record
    // without them is checked once decoded.
    EventHeaders.Attributes routing = EventHeaders.read(record.headers());
    // Its event time becomes the timestamp of what the engine forwards: the header's time is
    // judged here, before the repeat check and decoding, as admission did (it now judges the
    // Kafka timestamp only); once decoded, a record without complete headers (ADR-057, ADR-059).
    if (deadLetters.refusedFromTheFuture(context, record, routing != null ? routing.time()
        : EventHeaders.time(record.headers()))) {
      return;
    }
    if (routing != null && !deduplicator.firstSeen(routing.id(), routing.time())) {
      skipRepeat(routing.type(), routing.time());
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
      deadLetter(record, e.reason(), e.detail());
      return;
    }
    if (routing == null && deadLetters.refusedFromTheFuture(context, record, event.timestamp())) {
      return;
    }
    try {
      if (routing == null && !deduplicator.firstSeen(event.eventId(), event.timestamp())) {
        skipRepeat(event.eventType(), event.timestamp());
        return;
      }
      evaluate(event);
      metrics.eventIn(event.eventType(), event.timestamp(), System.currentTimeMillis());
      advanceTime(event.timestamp());
    } catch (RuntimeException e) {
      deadLetter(record, RejectReason.PROCESSING_FAILED, e.toString());
    }
  }

  private void skipRepeat(String type, Instant time) {
    metrics.duplicateSkipped();
    metrics.eventIn(type, time, System.currentTimeMillis());
    advanceTime(time);
  }

  private void evaluate(Envelope event) {
    String siteId = event.siteId();
    List<Signal> signals = new ArrayList<>();
    SiteAlerts alerts = book.alerts(siteId, siteId);
    if (event.payload() instanceof SiteTelemetry telemetry) {
      var site = sites.site(siteId).orElse(null);
      signals.addAll(TelemetryRules.evaluate(alerts, telemetry,
          (tenant, volts) -> SiteLookup.powered(site, tenant, volts), event.timestamp(),
          event.eventId(), policyBoard.forSite(siteId, site, rulePolicies)));
      signals.addAll(detection(siteId).observe(alerts,
          signals.isEmpty() ? List.of() : List.copyOf(signals), telemetry, site,
          event.timestamp(), event.eventId()));
    } else if (event.payload() instanceof com.towerco.events.payload.site.SiteVisitScheduled visit) {
      detection(siteId).visitScheduled(new com.towerco.aiops.detection.site.ScheduledVisit(
          visit.visitId(), siteId, visit.from(), visit.until(), visit.purpose()));
    } else if (event.payload() instanceof com.towerco.events.payload.site.SiteMaintenanceWindow w) {
      // A maintenance window is a visit too (its door openings are expected).
      detection(siteId).visitScheduled(new com.towerco.aiops.detection.site.ScheduledVisit(
          w.windowId(), siteId, w.from(), w.until(), SiteDetection.MAINTENANCE + ": "
          + w.reason()));
    } else if (event.payload() instanceof SiteAlarm alarm) {
      AlarmRules.signal(alarm, event.timestamp(), event.eventId()).ifPresent(signals::add);
    } else if (event.payload() instanceof SiteConnectivity connectivity) {
      boolean lost = connectivity.state() == SiteConnectivity.ConnectivityState.UNREACHABLE;
      signals.add(new Signal(AlertRule.SITE_UNREACHABLE, "", "mediation", lost,
          AlertRule.SITE_UNREACHABLE.defaultSeverity(), event.timestamp(), event.eventId()));
    }
    book.apply(context, siteId, siteId, signals,
        signals.isEmpty() ? t -> java.util.Optional.empty() : detection(siteId)::maintenanceAt);
  }

  /** Tells every region's correlator that event time has reached {@code time}. */
  private void advanceTime(Instant time) {
    if (time.isAfter(lastResolveCheck.plusSeconds(1))) {
      lastResolveCheck = time;
      book.resolveDue(context, time);
    }
    if (time.isAfter(lastWatermark.plus(WATERMARK_EVERY))) {
      lastWatermark = time;
      emitter.watermark(context, time);
    }
  }

  private void deadLetter(Record<String, byte[]> record, RejectReason reason, String detail) {
    deadLetters.send(context, record, reason, detail);
  }

}
