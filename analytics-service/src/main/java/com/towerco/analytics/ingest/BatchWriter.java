package com.towerco.analytics.ingest;

import com.towerco.analytics.jdbc.EventSink;
import com.towerco.analytics.jdbc.SinkTransaction;
import com.towerco.analytics.jdbc.WriteTimes;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.SourceRecord;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's writer thread and the batch it is filling. The consumer thread adds handled
 * events; the writer takes everything gathered once it is a full batch or its oldest event has
 * waited the flush interval, and appends it to its open database transaction at once, while
 * the consumer thread decodes and projects the next; the batch's objects are then let go
 * (ADR-061). The transaction is committed once it holds {@code commitEvents} events or has been
 * open {@code commitInterval}, or once everything handled is appended and no event has arrived
 * for {@code commitIdle} (the input paused: nothing more to gather, ADR-072), or when asked to
 * ({@link #drain}): the statements that cost per transaction (merges, KPI rollup, positions)
 * run once for many batches, and DuckDB writes a full row group straight to its table rather
 * than through its log.
 *
 * <p>Failures. A batch that is the first of its transaction is written alone, as before
 * ADR-061: retried with backoff while the database is away, and, if the database refuses its
 * data, written event by event with the refused events dead-lettered. Once a transaction holds
 * earlier batches that are no longer on the heap, a failure rolls it back and asks the runtime
 * to read again from the positions the database holds ({@link #takeReread}); what the handler
 * adds meanwhile is dropped (it is read again). After a refusal of data, the re-read span is
 * written a batch per transaction as above until the positions that transaction had reached, so
 * exactly the bad event is dead-lettered. It knows the positions the database holds.
 */
final class BatchWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
  private static final AtomicInteger WRITERS = new AtomicInteger();

  private final EventSink sink;
  private final Rejects rejects;
  private final IngestSettings settings;
  private final ServiceMetrics serviceMetrics;
  private final IngestMetrics metrics;
  private final Map<TopicPartition, Long> stored = new ConcurrentHashMap<>();
  /** After a refusal of data: each partition's position up to which batches go alone. */
  private final Map<TopicPartition, Long> isolateUntil = new ConcurrentHashMap<>();
  private final Thread thread;

  private Batch open = new Batch();
  private Batch inFlight;
  private Batch reclaimed;
  private boolean flushRequested;
  private boolean reclaim;
  private boolean closed;
  private boolean rereadNeeded;
  private boolean transactionOpen;
  private volatile boolean failing;
  private long backoffMillis;
  /**
   * When the handler last added an event or the writer last appended a batch ({@link
   * System#nanoTime}): a consumer the bound held back resumes only after the append, within its
   * paused poll (200 ms), so the idle time runs from then.
   */
  private long lastActivityNanos = System.nanoTime();
  /** The open transaction (writer thread only). */
  private SinkTransaction tx;

  BatchWriter(EventSink sink, Rejects rejects, IngestSettings settings,
      ServiceMetrics serviceMetrics, IngestMetrics metrics) {
    this.sink = sink;
    this.rejects = rejects;
    this.settings = settings;
    this.serviceMetrics = serviceMetrics;
    this.metrics = metrics;
    this.thread = new Thread(this::run, "analytics-writer-" + WRITERS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  /** Adds a handled event, with its record's key; dropped while a re-read is pending. */
  synchronized void add(EventSink.Event event, String key) {
    if (rereadNeeded) {
      return;
    }
    boolean wasEmpty = open.isEmpty();
    long now = System.nanoTime();
    open.add(event, key, now);
    lastActivityNanos = now;
    metrics.buffered(1);
    if (wasEmpty || open.size() == settings.batchEvents()) {
      notifyAll();
    }
  }

  /** Everything before {@code position} in the partition is handled. */
  synchronized void passed(TopicPartition partition, long position) {
    if (rereadNeeded) {
      return;
    }
    boolean wasEmpty = open.isEmpty();
    open.passed(partition, position, System.nanoTime());
    if (wasEmpty) {
      notifyAll();
    }
  }

  /**
   * Events on the heap waiting for the database: the batch filling and the one handed over
   * and not yet appended (or held while the database is away).
   */
  synchronized int waiting() {
    return open.size() + (inFlight == null ? 0 : inFlight.size());
  }

  /** True while the last attempt to write failed for want of the database. */
  boolean failing() {
    return failing;
  }

  /**
   * Whether a transaction holding events no longer on the heap was rolled back since the last
   * call: the caller must then read every partition again from the positions the database
   * holds. Answers true once per rollback.
   */
  synchronized boolean takeReread() {
    boolean reread = rereadNeeded;
    rereadNeeded = false;
    return reread;
  }

  /**
   * Stores everything handled so far (committing the open transaction), waiting up to
   * {@code timeout}. What is not stored by then (the database keeps failing) is taken back and
   * returned, in handling order, and the writer stops retrying it; the caller decides what to
   * keep and {@link #putBack}s that.
   */
  synchronized Batch drain(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    flushRequested = true;
    notifyAll();
    while ((inFlight != null || !open.isEmpty() || transactionOpen)
        && System.nanoTime() < deadline) {
      wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    flushRequested = false;
    if (inFlight != null) {
      reclaim = true;
      notifyAll();
      while (inFlight != null) {
        wait();
      }
    }
    Batch back = reclaimed == null ? open : reclaimed.followedBy(open);
    reclaimed = null;
    open = new Batch();
    return back;
  }

  /** Events taken back by {@link #drain} that are to be written after all. */
  synchronized void putBack(Batch batch) {
    open = batch.followedBy(open);
    notifyAll();
  }

  /** The next offset the database holds for a partition, if this writer knows it. */
  Long storedPosition(TopicPartition partition) {
    return stored.get(partition);
  }

  void knownPositions(Map<TopicPartition, Long> positions) {
    positions.forEach((tp, p) -> stored.merge(tp, p, Math::max));
  }

  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(stored::remove);
    partitions.forEach(isolateUntil::remove);
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      reclaim = true;
      notifyAll();
    }
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    // the writer works off what the background reader read: at its CPU priority (ADR-068)
    com.towerco.analytics.AnalyticsService.PACE.enter();
    try {
      while (true) {
        Batch batch;
        boolean flush;
        synchronized (this) {
          long waitMillis;
          while (!closed && (waitMillis = untilDue()) > 0) {
            waitQuietly(waitMillis == Long.MAX_VALUE ? 0 : waitMillis);
          }
          if (closed) {
            return;
          }
          batch = open.isEmpty() ? null : open;
          if (batch != null) {
            open = new Batch();
          }
          inFlight = batch;
          flush = flushRequested;
        }
        long cpu = WriteTimes.clock();
        long allocated = WriteTimes.allocatedBytes();
        boolean done = batch == null || write(batch);
        if (batch != null) {
          appended();
        }
        if (tx != null && (flush || transactionDue() || inputPaused())) {
          commit();
        }
        sink.times().cpu(WriteTimes.clock() - cpu);
        sink.times().allocated(WriteTimes.allocatedBytes() - allocated);
        synchronized (this) {
          if (!done) {
            reclaimed = batch;
          }
          inFlight = null;
          batch = null;
          reclaim = false;
          transactionOpen = tx != null;
          notifyAll();
        }
      }
    } finally {
      if (tx != null) {
        // Closed without a drain: what it holds is rolled back and read again on restart.
        tx.close();
        tx = null;
      }
    }
  }

  /** Milliseconds until the writer has work: 0 now, MAX_VALUE for none. */
  private long untilDue() {
    if (reclaim) {
      return Long.MAX_VALUE;
    }
    long due = Long.MAX_VALUE;
    if (!open.isEmpty()) {
      if (flushRequested || open.size() >= settings.batchEvents()) {
        return 0;
      }
      due = settings.flushInterval().toNanos() - (System.nanoTime() - open.openedNanos);
    }
    if (tx != null) {
      if (flushRequested) {
        return 0;
      }
      due = Math.min(due, settings.commitInterval().toNanos()
          - (System.nanoTime() - tx.openedNanos()));
      if (open.isEmpty() && !settings.commitIdle().isZero()) {
        due = Math.min(due, settings.commitIdle().toNanos()
            - (System.nanoTime() - lastActivityNanos));
      }
    }
    return due == Long.MAX_VALUE ? due : Math.max(0, (due + 999_999) / 1_000_000);
  }

  /** A batch was appended: the idle time runs from now (see {@link #lastActivityNanos}). */
  private synchronized void appended() {
    lastActivityNanos = System.nanoTime();
  }

  /**
   * Whether nothing handled waits to be appended and no event has arrived for the idle time:
   * the transaction gathers nothing more by staying open (ADR-072).
   */
  private synchronized boolean inputPaused() {
    return !settings.commitIdle().isZero() && open.isEmpty()
        && System.nanoTime() - lastActivityNanos >= settings.commitIdle().toNanos();
  }

  private boolean transactionDue() {
    return tx.events() >= settings.commitEvents()
        || System.nanoTime() - tx.openedNanos() >= settings.commitInterval().toNanos();
  }

  /** Appends the batch to the open transaction; false if it was taken back unstored. */
  private boolean write(Batch batch) {
    if (!isolateUntil.isEmpty()) {
      return writeAlone(batch);
    }
    boolean first = tx == null;
    try {
      if (tx == null) {
        tx = sink.begin();
      }
      tx.append(batch.events, batch.positions);
      metrics.buffered(-batch.size());
      return true;
    } catch (SQLException | RuntimeException e) {
      Map<TopicPartition, Long> reached = tx == null ? Map.of() : tx.reached();
      closeTransaction();
      if (first) {
        // Nothing else was lost: this batch alone, still on the heap, as before ADR-061.
        return writeAlone(batch);
      }
      rolledBack(reached, batch, e);
      return true;
    }
  }

  private void commit() {
    long start = System.nanoTime();
    try {
      EventSink.Result result = tx.commit();
      closeTransaction();
      stored(0, result, start);
    } catch (SQLException | RuntimeException e) {
      Map<TopicPartition, Long> reached = tx.reached();
      closeTransaction();
      rolledBack(reached, null, e);
    }
  }

  private void closeTransaction() {
    if (tx != null) {
      tx.close();
      tx = null;
    }
  }

  /**
   * The open transaction was rolled back with events no longer on the heap: drop what is on
   * it too and have everything read again from the positions the database holds; after a
   * refusal of data, the positions that transaction had reached are written a batch at a time.
   */
  private void rolledBack(Map<TopicPartition, Long> transactionReached, Batch current,
      Exception e) {
    metrics.failed();
    boolean data = isDataError(e);
    Map<TopicPartition, Long> reached = current == null ? Map.of() : current.reached();
    synchronized (this) {
      int dropped = open.size() + (current == null ? 0 : current.size());
      metrics.buffered(-dropped);
      if (data) {
        transactionReached.forEach((tp, p) -> isolateUntil.merge(tp, p, Math::max));
        reached.forEach((tp, p) -> isolateUntil.merge(tp, p, Math::max));
      } else {
        failing = true;
        backoffMillis = Math.min(Math.max(backoffMillis * 2, 100),
            settings.maxRetryBackoff().toMillis());
      }
      open = new Batch();
      rereadNeeded = true;
      LOG.warn("analytics: the database rolled back a transaction ({}); reading again from the"
          + " positions it holds{}", e.getMessage(), data ? ", a batch per transaction" : "");
    }
  }

  /** Writes a batch in a transaction of its own until it is stored or taken back. */
  private boolean writeAlone(Batch batch) {
    while (true) {
      if (attempt(batch)) {
        return true;
      }
      synchronized (this) {
        if (!(reclaim || closed)) {
          waitQuietly(backoffMillis);
        }
        if (reclaim || closed) {
          return false;
        }
      }
    }
  }

  private boolean attempt(Batch batch) {
    long start = System.nanoTime();
    try {
      stored(batch.size(), sink.store(batch.events, batch.positions), start);
      return true;
    } catch (SQLException | RuntimeException e) {
      if (isDataError(e)) {
        return oneByOne(batch, start);
      }
      failed(batch, e);
      return false;
    }
  }

  /** Slow path after a data error: each event alone; the ones refused go to the DLQ. */
  private boolean oneByOne(Batch batch, long start) {
    try {
      int storedEvents = 0;
      int duplicates = 0;
      for (int i = 0; i < batch.events.size(); i++) {
        EventSink.Event event = batch.events.get(i);
        try {
          EventSink.Result r = sink.store(List.of(event), Map.of());
          storedEvents += r.stored();
          duplicates += r.duplicates();
          knownPositions(r.positions());
        } catch (SQLException | RuntimeException e) {
          if (!isDataError(e)) {
            throw e;
          }
          SourceRecord source = batch.source(i);
          if (source != null) {
            rejects.reject(source, "the analytics database refused the event: "
                + e.getMessage());
          }
          knownPositions(sink.store(List.of(), Map.of(event.partition(),
              event.offset() + 1)).positions());
        }
      }
      EventSink.Result rest = sink.store(List.of(), batch.positions);
      stored(batch.size(), new EventSink.Result(storedEvents, duplicates, rest.positions()),
          start);
      return true;
    } catch (Exception e) {
      // What was stored one by one has its positions stored too: a retry skips it.
      failed(batch, e);
      return false;
    }
  }

  /** A transaction committed: {@code held} events it stored were still counted as waiting. */
  private void stored(int held, EventSink.Result result, long startNanos) {
    metrics.written(result.stored(), System.nanoTime() - startNanos);
    metrics.buffered(-held);
    for (int i = 0; i < result.duplicates(); i++) {
      serviceMetrics.duplicateSkipped();
    }
    knownPositions(result.positions());
    isolateUntil.entrySet().removeIf(e -> stored.getOrDefault(e.getKey(), Long.MIN_VALUE)
        >= e.getValue());
    if (failing) {
      LOG.info("analytics: database back; stored what was waiting");
    }
    failing = false;
    backoffMillis = 0;
  }

  private void failed(Batch batch, Exception e) {
    metrics.failed();
    if (!failing) {
      LOG.warn("analytics: database write failed ({}); holding {} events and retrying",
          e.getMessage(), batch.size());
    }
    failing = true;
    backoffMillis = Math.min(Math.max(backoffMillis * 2, 100), settings.maxRetryBackoff()
        .toMillis());
  }

  private void waitQuietly(long millis) {
    try {
      wait(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** A problem with the data (SQL state class 22 or 23), not with reaching the database. */
  static boolean isDataError(Exception e) {
    if (!(e instanceof SQLException sql)) {
      return false;
    }
    String state = sql.getSQLState();
    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
      return true;
    }
    // DuckDB states no class (none, or HY000 from its appender): its message says it.
    String message = String.valueOf(sql.getMessage());
    return message.startsWith("Conversion Error") || message.startsWith("Invalid Input Error")
        || message.contains("Invalid unicode");
  }
}
