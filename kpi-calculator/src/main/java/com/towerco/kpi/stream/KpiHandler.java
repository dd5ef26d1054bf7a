package com.towerco.kpi.stream;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.PayloadProjection;
import com.towerco.events.ProjectedEvent;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.kpi.domain.KpiCalculator;
import com.towerco.kpi.domain.KpiWindow;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.CaughtUp;
import com.towerco.platform.runtime.Deduplicator;
import com.towerco.platform.runtime.EventHandler;
import com.towerco.platform.runtime.SourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Feeds site events into the {@link KpiCalculator} and publishes every closed window: the
 * site's KPIs to the operator's KPI topic, each tenancy's KPIs to that tenant's own topic.
 * KPI event ids are derived from site, scope and window, so a window emitted again after a
 * restart carries the same id and downstream deduplication absorbs it.
 *
 * <p>Offsets: the committed offset of a partition is the first record its open windows still
 * need, and the commit note carries that partition's own stream time and the windows already
 * emitted; a restart or a new owner replays exactly the open windows and emits nothing twice,
 * whatever the stream time of the other partitions it holds (stream time is per partition).
 * A partition that has gone quiet is closed by the other partitions' time only once the runtime
 * says it is {@link CaughtUp caught up}, so a broker failover that holds its records back does
 * not close its windows before they arrive.
 */
final class KpiHandler implements EventHandler {
  private static final Map<String, String> METADATA = Map.of("producer", "kpi-calculator");

  private final KpiCalculator calculator;
  private final EventPublisher publisher;
  private final ServiceMetrics metrics;
  /** One per partition, so a partition given back after a revocation replays unhindered. */
  private final Map<String, Deduplicator> deduplicators = new HashMap<>();
  private final Duration dedupHorizon;
  private final String operatorTenant;
  /** The projected read of this handler's thread: one parser kept from record to record. */
  private final PayloadProjection.Reader reads = TelemetryReads.FIELDS.reader();
  /** The last record's partition key and what it was made of ({@link #keyOf}). */
  private String lastTopic;
  private int lastPartition;
  private String lastKey;
  /** The last record's partition's deduplicator. */
  private Deduplicator lastDeduplicator;

  KpiHandler(KpiCalculator calculator, EventPublisher publisher, ServiceMetrics metrics,
      Duration dedupHorizon, String operatorTenant) {
    this.calculator = calculator;
    this.publisher = publisher;
    this.metrics = metrics;
    this.dedupHorizon = dedupHorizon;
    this.operatorTenant = operatorTenant;
  }

  /** The site event types the windows count; others are skipped undecoded. */
  private static final String TELEMETRY =
      com.towerco.events.EventTypes.of(SiteTelemetry.class).name();
  private static final java.util.Set<String> HANDLED = java.util.Set.of(TELEMETRY,
      com.towerco.events.EventTypes.of(SiteAlarm.class).name(),
      com.towerco.events.EventTypes.of(SiteConnectivity.class).name());

  @Override
  public boolean handles(String eventType) {
    return HANDLED.contains(eventType);
  }

  /**
   * A telemetry record with routing headers is read projected (ADR-037): only the fields a
   * {@link com.towerco.kpi.domain.Reading} is made of. Anything the projected read declines,
   * or whose envelope its headers misdescribe, is left to the runtime's full decode, which
   * handles it or dead-letters it with its reason; alarms and connectivity are decoded in full.
   */
  @Override
  public boolean handleUndecoded(EventHeaders.Attributes routing, SourceRecord source) {
    if (!routing.type().equals(TELEMETRY)) {
      return false;
    }
    ProjectedEvent reading = reads.read(source.value());
    if (reading == null || !routing.describe(reading)) {
      return false;
    }
    String partition = keyOf(source);
    if (!firstSeen(partition, reading.eventId(), reading.timestamp())) {
      return true;
    }
    if (!calculator.reading(partition, reading.siteId(),
        source.offset(), TelemetryReads.reading(reading))) {
      metrics.lateEvent();
    }
    return true;
  }

  @Override
  public void handle(Envelope event, SourceRecord source) {
    String partition = keyOf(source);
    if (!firstSeen(partition, event.eventId(), event.timestamp())) {
      return;
    }
    if (event.payload() instanceof SiteTelemetry telemetry) {
      if (!calculator.telemetry(partition, event.siteId(), source.offset(),
          event.timestamp(), telemetry)) {
        metrics.lateEvent();
      }
    } else if (event.payload() instanceof SiteAlarm alarm
        && alarm.state() == SiteAlarm.AlarmState.RAISED) {
      calculator.alarmRaised(partition, event.siteId(), alarm.alarmId(), source.offset(),
          event.timestamp());
    } else if (event.payload() instanceof SiteConnectivity connectivity
        && connectivity.state() == SiteConnectivity.ConnectivityState.UNREACHABLE) {
      calculator.unreachable(partition, event.siteId(), event.timestamp());
    }
  }

  /** Publishes the windows closed; a quiet partition's only once it is read to its end. */
  @Override
  public void afterBatch(CaughtUp caughtUp) {
    for (KpiWindow window : calculator.advance(key -> caughtUp.caughtUp(partition(key)))) {
      publish(window);
    }
  }

  @Override
  public CommitPoint committable(TopicPartition partition, long position) {
    String key = key(partition.topic(), partition.partition());
    return new CommitPoint(calculator.committable(key, position), calculator.note(key));
  }

  @Override
  public void onAssigned(Map<TopicPartition, String> partitionsWithNotes) {
    partitionsWithNotes.forEach((tp, note) ->
        calculator.resume(key(tp.topic(), tp.partition()), note));
  }

  @Override
  public void onRevoked(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      String key = key(tp.topic(), tp.partition());
      calculator.forget(key);
      deduplicators.remove(key);
      lastDeduplicator = null;
    }
  }

  /**
   * Whether the event is new to its partition; a repeat is counted as skipped. The ids seen are
   * kept per partition and dropped with it: a partition revoked and given back replays its open
   * windows from the committed offset, and those readings must count again.
   */
  private boolean firstSeen(String partition, String eventId, Instant time) {
    if (deduplicator(partition).firstSeen(eventId, time)) {
      return true;
    }
    metrics.duplicateSkipped();
    return false;
  }

  /** The partition's deduplicator; the one of the last record's partition is kept. */
  private Deduplicator deduplicator(String partition) {
    if (partition == lastKey && lastDeduplicator != null) {
      return lastDeduplicator;
    }
    Deduplicator found = deduplicators.get(partition);
    if (found == null) {
      found = new Deduplicator(dedupHorizon);
      deduplicators.put(partition, found);
    }
    if (partition == lastKey) {
      lastDeduplicator = found;
    }
    return found;
  }

  private void publish(KpiWindow w) {
    String window = w.start() + "/" + w.end();
    KpiComputed site = new KpiComputed(KpiComputed.KpiScope.SITE, w.siteId(), null, w.region(),
        w.start(), w.end(), w.samples(), w.siteValues());
    publisher.publish(TopicFamily.KPI_METRICS, operatorTenant, w.siteId(),
        Envelope.of(EventIds.derived("kpi", "site", w.siteId(), window), operatorTenant,
            w.siteId(), w.end(), site, METADATA));
    w.tenancyValues().forEach((tenant, values) -> {
      KpiComputed tenancy = new KpiComputed(KpiComputed.KpiScope.TENANCY, w.siteId(), tenant,
          w.region(), w.start(), w.end(), w.samples(), values);
      publisher.publish(TopicFamily.KPI_METRICS, tenant, w.siteId(),
          Envelope.of(EventIds.derived("kpi", "tenancy", w.siteId(), tenant, window), tenant,
              w.siteId(), w.end(), tenancy, METADATA));
    });
  }

  /**
   * The record's partition key: records come partition by partition, so the last one made is
   * reused while the partition is the same (not a new string per record).
   */
  private String keyOf(SourceRecord source) {
    if (lastKey == null || lastPartition != source.partition()
        || !lastTopic.equals(source.topic())) {
      lastTopic = source.topic();
      lastPartition = source.partition();
      lastKey = key(lastTopic, lastPartition);
      lastDeduplicator = null;
    }
    return lastKey;
  }

  private static String key(String topic, int partition) {
    return topic + "-" + partition;
  }

  private static TopicPartition partition(String key) {
    int dash = key.lastIndexOf('-');
    return new TopicPartition(key.substring(0, dash), Integer.parseInt(key.substring(dash + 1)));
  }
}
