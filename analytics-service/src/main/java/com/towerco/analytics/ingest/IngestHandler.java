package com.towerco.analytics.ingest;

import com.towerco.analytics.domain.Projector;
import com.towerco.analytics.domain.StoredRow;
import com.towerco.analytics.jdbc.EventSink;
import com.towerco.events.Envelope;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.EventHandler;
import com.towerco.platform.runtime.SourceRecord;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics sink as a consumer-loop handler: it buffers projected rows, writes them in
 * batches together with the Kafka offsets they reach (one transaction), and seeks to the stored
 * offsets on assignment, so ingestion is exactly-once whatever crashes. When the database is
 * slow or down it keeps what it has, retries with backoff and asks the runtime to pause
 * (bounded memory), then catches up from where it stopped. An event the database refuses
 * (a data error, not an outage) is written alone and, if still refused, dead-lettered.
 */
public final class IngestHandler implements EventHandler {
  private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

  private final Projector projector;
  private final EventSink sink;
  private final IngestSettings settings;
  private final Rejects rejects;
  private final ServiceMetrics serviceMetrics;
  private final IngestMetrics metrics;

  private final List<Pending> pending = new ArrayList<>();
  private final Set<String> pendingIds = new HashSet<>();
  private final Map<TopicPartition, Long> safePositions = new HashMap<>();
  private final Map<TopicPartition, Long> storedPositions = new HashMap<>();
  private long oldestMillis = -1;
  private boolean failing;
  private long retryAtMillis;
  private long backoffMillis;

  /** One buffered event: where it came from and its rows. */
  private record Pending(TopicPartition partition, SourceRecord source, List<StoredRow> rows) {}

  public IngestHandler(Projector projector, EventSink sink, IngestSettings settings,
      Rejects rejects, ServiceMetrics serviceMetrics, IngestMetrics metrics) {
    this.projector = projector;
    this.sink = sink;
    this.settings = settings;
    this.rejects = rejects;
    this.serviceMetrics = serviceMetrics;
    this.metrics = metrics;
  }

  @Override
  public void handle(Envelope event, SourceRecord source) {
    List<StoredRow> rows = projector.project(event, source.topic(), source.partition(),
        source.offset(), source.value());
    TopicPartition tp = new TopicPartition(source.topic(), source.partition());
    if (!pendingIds.add(event.eventId())) {
      rows = List.of();
      serviceMetrics.duplicateSkipped();
    }
    pending.add(new Pending(tp, source, rows));
    metrics.buffered(1);
    if (oldestMillis < 0) {
      oldestMillis = System.currentTimeMillis();
    }
  }

  @Override
  public void afterBatch() {
    boolean due = pending.size() >= settings.batchEvents() || (oldestMillis >= 0
        && System.currentTimeMillis() - oldestMillis >= settings.flushInterval().toMillis());
    if (due) {
      flush(false);
    }
  }

  @Override
  public void beforeCommit() {
    if (!flush(false)) {
      throw new IllegalStateException("analytics database unavailable; "
          + pending.size() + " events wait in memory");
    }
  }

  /**
   * Called right after a successful {@link #beforeCommit}: everything handled from this
   * partition is stored, so its position (past skipped probe and dead-lettered records too)
   * can be stored with the next batch.
   */
  @Override
  public CommitPoint committable(TopicPartition partition, long position) {
    if (position > storedPositions.getOrDefault(partition, -1L)) {
      safePositions.merge(partition, position, Math::max);
    }
    return new CommitPoint(position, "");
  }

  @Override
  public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions) {
    try {
      Map<TopicPartition, Long> stored = sink.storedOffsets(partitions);
      storedPositions.putAll(stored);
      LOG.info("analytics: resuming {} partitions from stored offsets", stored.size());
      return stored;
    } catch (SQLException e) {
      // Kafka's committed offsets never pass what the database holds: a safe fallback.
      LOG.warn("analytics: stored offsets unavailable ({}); using Kafka's", e.getMessage());
      return Map.of();
    }
  }

  @Override
  public boolean backpressured() {
    return pending.size() >= settings.maxBufferedEvents()
        || (failing && pending.size() >= settings.batchEvents());
  }

  @Override
  public void onRevoked(Collection<TopicPartition> partitions) {
    flush(true);
    int before = pending.size();
    // What could not be stored is dropped: the partition's next owner reads it again.
    pending.removeIf(p -> partitions.contains(p.partition()));
    metrics.buffered(pending.size() - before);
    pendingIds.clear();
    pending.forEach(p -> p.rows().stream().filter(r -> r instanceof StoredRow.RawEvent)
        .forEach(r -> pendingIds.add(((StoredRow.RawEvent) r).eventId())));
    partitions.forEach(safePositions::remove);
    partitions.forEach(storedPositions::remove);
  }

  @Override
  public void close() {
    flush(true);
    metrics.buffered(-pending.size());
  }

  /** True when everything buffered is stored. */
  boolean flush(boolean ignoreBackoff) {
    if (pending.isEmpty() && safePositions.isEmpty()) {
      return true;
    }
    long now = System.currentTimeMillis();
    if (failing && !ignoreBackoff && now < retryAtMillis) {
      return false;
    }
    long start = System.nanoTime();
    try {
      int inserted = write(pending);
      metrics.written(inserted, System.nanoTime() - start);
      int events = (int) pending.stream().filter(p -> !p.rows().isEmpty()).count();
      for (int i = inserted; i < events; i++) {
        serviceMetrics.duplicateSkipped();
      }
      if (failing) {
        LOG.info("analytics: database back; stored {} waiting events", pending.size());
      }
      clear();
      return true;
    } catch (SQLException | RuntimeException e) {
      if (isDataError(e)) {
        return writeOneByOne();
      }
      metrics.failed();
      if (!failing) {
        LOG.warn("analytics: database write failed ({}); holding {} events and retrying",
            e.getMessage(), pending.size());
      }
      failing = true;
      backoffMillis = Math.min(Math.max(backoffMillis * 2, 100),
          settings.maxRetryBackoff().toMillis());
      retryAtMillis = now + backoffMillis;
      return false;
    }
  }

  private int write(List<Pending> events) throws SQLException {
    List<StoredRow> rows = new ArrayList<>();
    Map<TopicPartition, Long> offsets = new HashMap<>(safePositions);
    for (Pending p : events) {
      rows.addAll(p.rows());
      offsets.merge(p.partition(), p.source().offset() + 1, Math::max);
    }
    int inserted = sink.write(rows, offsets);
    offsets.forEach((tp, offset) -> storedPositions.merge(tp, offset, Math::max));
    return inserted;
  }

  /** Slow path after a data error: each event alone; the ones refused go to the DLQ. */
  private boolean writeOneByOne() {
    try {
      for (Pending p : pending) {
        try {
          write(List.of(p));
        } catch (SQLException | RuntimeException e) {
          if (!isDataError(e)) {
            throw e;
          }
          rejects.reject(p.source(), "the analytics database refused the event: "
              + e.getMessage());
          sink.write(List.of(), Map.of(p.partition(), p.source().offset() + 1));
        }
      }
      clear();
      return true;
    } catch (Exception e) {
      LOG.warn("analytics: one-by-one write interrupted: {}", e.getMessage());
      failing = true;
      retryAtMillis = System.currentTimeMillis() + settings.maxRetryBackoff().toMillis();
      return false;
    }
  }

  private void clear() {
    metrics.buffered(-pending.size());
    pending.clear();
    pendingIds.clear();
    safePositions.clear();
    oldestMillis = -1;
    failing = false;
    backoffMillis = 0;
  }

  /** A problem with the data (SQL state class 22 or 23), not with reaching the database. */
  static boolean isDataError(Exception e) {
    if (!(e instanceof SQLException sql)) {
      return false;
    }
    String state = sql.getSQLState();
    if (state != null) {
      return state.startsWith("22") || state.startsWith("23");
    }
    String message = String.valueOf(sql.getMessage());
    return message.startsWith("Conversion Error") || message.startsWith("Invalid Input Error");
  }
}
