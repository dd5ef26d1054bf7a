package com.towerco.analytics.ingest;

import com.towerco.analytics.domain.EventIdWindow;
import com.towerco.analytics.domain.Projector;
import com.towerco.analytics.domain.StoredRow;
import com.towerco.analytics.jdbc.EventSink;
import com.towerco.events.Envelope;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.EventHandler;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.runtime.SourceRecord;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics sink as a consumer-loop handler. It projects each event, asks its id window
 * whether the event is new, and hands it to its {@link BatchWriter}, which stores batches of
 * events with the positions they reach, many batches a transaction (ADR-061), while the next
 * batch fills. On assignment the consumer seeks to the positions stored in the database; Kafka
 * is only ever told positions the database already holds, so it is a safe fallback. When the
 * database is slow or down the batch waits for the writer and the handler asks the runtime to
 * pause once {@code maxBufferedEvents} are waiting (bounded memory), then catches up; when a
 * transaction holding events no longer on the heap is rolled back, it asks the runtime to read
 * again from the positions the database holds ({@link #rereadRequested}).
 */
public final class IngestHandler implements EventHandler {
  private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);
  private static final Duration REVOKE_WAIT = Duration.ofSeconds(10);

  private final Projector projector;
  private final EventSink sink;
  private final IngestSettings settings;
  private final ServiceMetrics serviceMetrics;
  private final IngestMetrics metrics;
  private final BatchWriter writer;
  private final Map<TopicPartition, Long> firstHandled = new HashMap<>();
  private final Map<TopicPartition, TopicPartition> shared = new HashMap<>();
  private TopicPartition lastPartition;
  /** Set while the runtime reads everything again at this handler's request. */
  private boolean rereading;
  private final EventIdWindow<TopicPartition> window;
  /** Where partitions open (read on assignment; once for any first seen otherwise). */
  private EventSink.WindowFloors floors;
  private long floorRetryNanos;

  public IngestHandler(Projector projector, EventSink sink, IngestSettings settings,
      Rejects rejects, ServiceMetrics serviceMetrics, IngestMetrics metrics) {
    this.projector = projector;
    this.sink = sink;
    this.settings = settings;
    this.serviceMetrics = serviceMetrics;
    this.metrics = metrics;
    this.writer = new BatchWriter(sink, rejects, settings, serviceMetrics, metrics);
    this.window = new EventIdWindow<>(settings.dedupHorizon(), settings.dedupMaxIds());
  }

  /**
   * Event types kept only as the envelope received (telemetry, almost all of the volume) are
   * stored from the routing headers and the bytes, without decoding them.
   */
  @Override
  public boolean handleUndecoded(EventHeaders.Attributes routing, SourceRecord source) {
    if (!Projector.storedRawOnly(routing.type())) {
      return false;
    }
    store(List.of(Projector.raw(routing.id(), routing.type(), routing.version(),
        routing.tenantId(), routing.siteId(), routing.time(), source.topic(),
        source.partition(), source.offset(), source.value())), routing.id(), routing.time(),
        source);
    return true;
  }

  @Override
  public void handle(Envelope event, SourceRecord source) {
    store(projector.project(event, source.topic(), source.partition(), source.offset(),
        source.value()), event.eventId(), event.timestamp(), source);
  }

  private void store(List<StoredRow> rows, String eventId, java.time.Instant eventTime,
      SourceRecord source) {
    TopicPartition tp = partition(source);
    if (!window.isOpen(tp)) {
      openWindows(List.of(tp), false);
    }
    EventIdWindow.Verdict verdict = window.offer(tp, eventId, eventTime);
    if (verdict == EventIdWindow.Verdict.DUPLICATE) {
      rows = List.of();
      serviceMetrics.duplicateSkipped();
    }
    firstHandled.putIfAbsent(tp, source.offset());
    writer.add(new EventSink.Event(tp, source.offset(), rows,
        verdict == EventIdWindow.Verdict.UNKNOWN), source.key());
  }

  /** One {@link TopicPartition} per partition, not per event (records come in runs). */
  private TopicPartition partition(SourceRecord source) {
    TopicPartition last = lastPartition;
    if (last != null && last.partition() == source.partition()
        && last.topic().equals(source.topic())) {
      return last;
    }
    last = shared.computeIfAbsent(new TopicPartition(source.topic(), source.partition()),
        tp -> tp);
    lastPartition = last;
    return last;
  }

  /** Nothing to wait for: Kafka is only told positions the database holds (committable). */
  @Override
  public void beforeCommit() {}

  /**
   * Everything before {@code position} is handled, so its position goes with the next batch;
   * Kafka gets the position the database already holds (or where this consumer started).
   */
  @Override
  public CommitPoint committable(TopicPartition partition, long position) {
    Long stored = writer.storedPosition(partition);
    if (stored == null || position > stored) {
      writer.passed(partition, position);
    }
    long safe = stored != null ? Math.min(stored, position)
        : firstHandled.getOrDefault(partition, position);
    return new CommitPoint(safe, "");
  }

  @Override
  public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions) {
    try {
      Map<TopicPartition, Long> stored = sink.storedOffsets(partitions);
      writer.knownPositions(stored);
      openWindows(partitions, true);
      LOG.info("analytics: resuming {} partitions from stored offsets", stored.size());
      return stored;
    } catch (SQLException e) {
      // Kafka's committed offsets never pass what the database holds: a safe fallback, and
      // the write skips whatever the database turns out to hold already.
      LOG.warn("analytics: stored offsets unavailable ({}); using Kafka's", e.getMessage());
      return Map.of();
    }
  }

  @Override
  public boolean backpressured() {
    int waiting = writer.waiting();
    return waiting >= settings.maxBufferedEvents()
        || (writer.failing() && waiting >= settings.batchEvents());
  }

  /**
   * True once after the database rolled back a transaction holding events no longer on the
   * heap (ADR-061): the runtime then reads every partition again from the positions the
   * database holds.
   */
  @Override
  public boolean rereadRequested() {
    rereading = writer.takeReread();
    return rereading;
  }

  @Override
  public void onRevoked(Collection<TopicPartition> partitions) {
    Batch unstored = drain(REVOKE_WAIT);
    // What could not be stored is dropped: the partition's next owner reads it again.
    metrics.buffered(-unstored.removePartitions(partitions));
    // Its next owner (maybe this consumer again) starts from what the store then holds.
    partitions.forEach(window::close);
    floors = null;
    if (!unstored.isEmpty()) {
      writer.putBack(unstored);
    }
    partitions.forEach(firstHandled::remove);
    if (!rereading) {
      // On a re-read the writer keeps what it knows (positions only move forward) and the
      // positions up to which it writes a batch per transaction.
      writer.forget(partitions);
    }
    rereading = false;
  }

  @Override
  public void close() {
    Batch unstored = drain(settings.maxRetryBackoff().multipliedBy(2));
    // Not stored: read again on restart (Kafka was told only positions the database holds).
    metrics.buffered(-unstored.size());
    writer.close();
    LOG.info("analytics: where the writer's time went: {}", sink.times().summary());
  }

  private Batch drain(Duration wait) {
    try {
      return writer.drain(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Batch();
    }
  }

  /**
   * Opens the id window of partitions not yet open, each from the newest event time the store
   * holds from it ({@code reread}: read it again, as on assignment); while the store cannot
   * say, their ids are checked against the store.
   */
  private void openWindows(Collection<TopicPartition> partitions, boolean reread) {
    if (reread) {
      floors = null;
    }
    if (floors == null && System.nanoTime() >= floorRetryNanos) {
      try {
        floors = sink.windowFloors();
      } catch (SQLException e) {
        floorRetryNanos = System.nanoTime() + settings.maxRetryBackoff().toNanos();
        LOG.warn("analytics: cannot read the newest stored event times ({}); checking ids"
            + " against the store until it can", e.getMessage());
      }
    }
    if (floors != null) {
      for (TopicPartition tp : partitions) {
        window.open(tp, floors.of(tp));
      }
    }
  }
}
