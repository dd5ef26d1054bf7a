package com.towerco.analytics.ingest;

import com.towerco.analytics.jdbc.EventSink;
import com.towerco.platform.metrics.ServiceMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * waited the flush interval, and stores it while the consumer thread decodes and projects the
 * next (so reading and writing use both cores, and batches grow with the load). It never waits
 * for the consumer thread, so a consumer paused for back-pressure does not starve it. A batch
 * that fails for want of the database is retried with backoff until it is stored or taken
 * back ({@link #drain}); one the database refuses for its data is written event by event and
 * the refused events are dead-lettered. It knows the positions the database holds.
 */
final class BatchWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final AtomicInteger WRITERS = new AtomicInteger();

  private final EventSink sink;
  private final Rejects rejects;
  private final IngestSettings settings;
  private final ServiceMetrics serviceMetrics;
  private final IngestMetrics metrics;
  private final Map<TopicPartition, Long> stored = new ConcurrentHashMap<>();
  private final Thread thread;

  private Batch open = new Batch();
  private Batch inFlight;
  private Batch reclaimed;
  private boolean flushRequested;
  private boolean reclaim;
  private boolean closed;
  private volatile boolean failing;
  private long backoffMillis;

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

  synchronized void add(Batch.Pending pending) {
    boolean wasEmpty = open.isEmpty();
    open.add(pending, System.nanoTime());
    if (wasEmpty || open.size() == settings.batchEvents()) {
      notifyAll();
    }
  }

  /** Everything before {@code position} in the partition is handled. */
  synchronized void passed(TopicPartition partition, long position) {
    boolean wasEmpty = open.isEmpty();
    open.passed(partition, position, System.nanoTime());
    if (wasEmpty) {
      notifyAll();
    }
  }

  /** Events handled and not yet taken by the writer. */
  synchronized int waiting() {
    return open.size();
  }

  /** True while the last attempt to write failed for want of the database. */
  boolean failing() {
    return failing;
  }

  /**
   * Stores everything handled so far, waiting up to {@code timeout}. What is not stored by
   * then (the database keeps failing) is taken back and returned, in handling order, and the
   * writer stops retrying it; the caller decides what to keep and {@link #putBack}s that.
   */
  synchronized Batch drain(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    flushRequested = true;
    notifyAll();
    while ((inFlight != null || !open.isEmpty()) && System.nanoTime() < deadline) {
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
    while (true) {
      Batch batch;
      synchronized (this) {
        long waitMillis;
        while (!closed && (waitMillis = untilDue()) > 0) {
          waitQuietly(waitMillis == Long.MAX_VALUE ? 0 : waitMillis);
        }
        if (closed) {
          return;
        }
        batch = open;
        open = new Batch();
        inFlight = batch;
      }
      boolean done = writeUntilStored(batch);
      synchronized (this) {
        if (!done) {
          reclaimed = batch;
        }
        inFlight = null;
        reclaim = false;
        notifyAll();
      }
    }
  }

  /** Milliseconds until the open batch is due: 0 now, MAX_VALUE when it is empty. */
  private long untilDue() {
    if (open.isEmpty() || reclaim) {
      return Long.MAX_VALUE;
    }
    if (flushRequested || open.size() >= settings.batchEvents()) {
      return 0;
    }
    long age = System.nanoTime() - open.openedNanos;
    return Math.max(0, (settings.flushInterval().toNanos() - age + 999_999) / 1_000_000);
  }

  private boolean writeUntilStored(Batch batch) {
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
    long cpu = THREADS.getCurrentThreadCpuTime();
    try {
      stored(batch, sink.store(batch.sinkEvents(), batch.positions), start);
      sink.times().cpu(THREADS.getCurrentThreadCpuTime() - cpu);
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
      for (Batch.Pending p : batch.events) {
        try {
          EventSink.Result r = sink.store(List.of(p.event()), Map.of());
          storedEvents += r.stored();
          duplicates += r.duplicates();
          knownPositions(r.positions());
        } catch (SQLException | RuntimeException e) {
          if (!isDataError(e)) {
            throw e;
          }
          rejects.reject(p.source(), "the analytics database refused the event: "
              + e.getMessage());
          knownPositions(sink.store(List.of(), Map.of(p.event().partition(),
              p.event().offset() + 1)).positions());
        }
      }
      EventSink.Result rest = sink.store(List.of(), batch.positions);
      stored(batch, new EventSink.Result(storedEvents, duplicates, rest.positions()), start);
      return true;
    } catch (Exception e) {
      // What was stored one by one has its positions stored too: a retry skips it.
      failed(batch, e);
      return false;
    }
  }

  private void stored(Batch batch, EventSink.Result result, long startNanos) {
    metrics.written(result.stored(), System.nanoTime() - startNanos);
    metrics.buffered(-batch.size());
    for (int i = 0; i < result.duplicates(); i++) {
      serviceMetrics.duplicateSkipped();
    }
    knownPositions(result.positions());
    if (failing) {
      LOG.info("analytics: database back; stored {} waiting events", batch.size());
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
    if (state != null) {
      return state.startsWith("22") || state.startsWith("23");
    }
    String message = String.valueOf(sql.getMessage());
    return message.startsWith("Conversion Error") || message.startsWith("Invalid Input Error");
  }
}
