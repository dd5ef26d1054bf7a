package com.towerco.analytics.jdbc;

import com.towerco.analytics.domain.StoredRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * One open database transaction of the sink that takes many batches (ADR-061): {@link #append}
 * puts each batch's raw events straight into {@code raw_events} and its typed rows into their
 * stages (so the caller can let go of the batch at once: the rows are in the database's own
 * memory or, a full row group at a time, already written), remembering only the positions and
 * newest event times reached; {@link #commit} then runs the statements that cost per
 * transaction, not per row, once: the typed merges and the KPI rollup refresh, the positions,
 * the commit. The group's stored positions are read when it opens (locked on PostgreSQL), and
 * every appended event below them is skipped, so another writer's rows are never stored twice.
 */
public final class SinkTransaction implements AutoCloseable {
  private final EventSink sink;
  private final Connection c;
  private final Map<TopicPartition, Long> storedAtStart;
  private final Map<TopicPartition, Long> next = new HashMap<>();
  private final Map<TopicPartition, Instant> newest = new HashMap<>();
  private final Set<StagedTable<?>> staged = new LinkedHashSet<>();
  private final long openedNanos;
  private Instant kpiFirst;
  private Instant kpiLast;
  private int inserted;
  private int duplicates;
  private int appendedEvents;
  private int batches;
  private long positionsNanos;
  private long idCheckNanos;
  private long rawNanos;
  private long typedNanos;
  private boolean done;

  SinkTransaction(EventSink sink, Connection c) throws SQLException {
    this.sink = sink;
    this.c = c;
    this.openedNanos = System.nanoTime();
    long cpu = WriteTimes.clock();
    try {
      c.setAutoCommit(false);
      storedAtStart = sink.offsets().read(c);
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
    positionsNanos = WriteTimes.clock() - cpu;
  }

  /** When it was opened ({@link System#nanoTime}). */
  public long openedNanos() {
    return openedNanos;
  }

  /** Events appended so far (skipped ones included). */
  public int events() {
    return appendedEvents;
  }

  /** The positions the batches appended so far reach (committed or not). */
  public Map<TopicPartition, Long> reached() {
    return Map.copyOf(next);
  }

  /** Batches appended so far. */
  public int batches() {
    return batches;
  }

  /**
   * Appends a batch: its events not already stored (by this group's stored positions, or by
   * id where the caller's window could not vouch) and the positions it reaches, the larger of
   * its events' next offsets and {@code positions} (records the caller skipped).
   */
  public void append(List<EventSink.Event> events, Map<TopicPartition, Long> positions)
      throws SQLException {
    long t0 = WriteTimes.clock();
    sink.ensurePartitions(events);
    List<EventSink.Event> fresh = new ArrayList<>(events.size());
    TopicPartition partition = null;
    long storedNext = Long.MIN_VALUE;
    for (EventSink.Event e : events) {
      // Events come in runs of one partition: look its position up once a run.
      if (!e.partition().equals(partition)) {
        partition = e.partition();
        storedNext = storedAtStart.getOrDefault(partition, Long.MIN_VALUE);
      }
      if (e.offset() < storedNext) {
        duplicates += e.rows().isEmpty() ? 0 : 1;
      } else {
        fresh.add(e);
      }
    }
    List<EventSink.Event> kept = sink.withoutStored(c, fresh);
    duplicates += EventSink.rawCount(fresh) - EventSink.rawCount(kept);
    long t1 = WriteTimes.clock();
    List<StoredRow.RawEvent> rawRows = new ArrayList<>(kept.size());
    Map<StagedTable<?>, List<Object[]>> typed = new LinkedHashMap<>();
    for (EventSink.Event e : kept) {
      for (StoredRow row : e.rows()) {
        if (row instanceof StoredRow.RawEvent r) {
          rawRows.add(r);
        } else {
          StagedTable<?> table = Tables.of(row);
          typed.computeIfAbsent(table, t -> new ArrayList<>()).add(table.valuesOf(row));
        }
      }
    }
    int appended = sink.raw().append(c, rawRows);
    inserted += appended;
    duplicates += rawRows.size() - appended;
    long t2 = WriteTimes.clock();
    stage(typed);
    long t3 = WriteTimes.clock();
    EventSink.reached(next, events, positions);
    EventSink.newestTimes(newest, rawRows);
    appendedEvents += events.size();
    batches++;
    idCheckNanos += t1 - t0;
    rawNanos += t2 - t1;
    typedNanos += t3 - t2;
  }

  /**
   * Merges the staged rows, refreshes the KPI rollup, advances the positions and commits;
   * returns what the whole transaction did and the positions the database now holds.
   */
  public EventSink.Result commit() throws SQLException {
    long t0 = WriteTimes.clock();
    merge();
    long t1 = WriteTimes.clock();
    next.replaceAll((tp, offset) -> Math.max(offset,
        storedAtStart.getOrDefault(tp, offset)));
    sink.offsets().advance(c, next, newest);
    long t2 = WriteTimes.clock();
    c.commit();
    done = true;
    long t3 = WriteTimes.clock();
    sink.times().add(positionsNanos, idCheckNanos, rawNanos, typedNanos, t1 - t0, t2 - t1,
        t3 - t2, batches);
    return new EventSink.Result(inserted, duplicates, Map.copyOf(next));
  }

  /** Rolls back what is not committed and returns the connection. */
  @Override
  public void close() {
    try {
      if (!done) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the connection is broken; the pool discards it
        }
      }
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // as above
    } finally {
      try {
        c.close();
      } catch (SQLException ignored) {
        // as above
      }
    }
  }

  private void stage(Map<StagedTable<?>, List<Object[]>> typed) throws SQLException {
    if (typed.isEmpty()) {
      return;
    }
    Dialect dialect = sink.dialect();
    try (Statement s = c.createStatement()) {
      for (StagedTable<?> table : typed.keySet()) {
        if (staged.add(table)) {
          s.execute(table.createStage(dialect));
        }
      }
    }
    for (Map.Entry<StagedTable<?>, List<Object[]>> e : typed.entrySet()) {
      sink.loader().load(c, e.getKey().stage(), true, e.getKey().columns(), e.getValue());
    }
    List<Object[]> windows = typed.get(Tables.KPI_WINDOWS);
    if (windows != null) {
      for (Object[] w : windows) {
        Instant start = (Instant) w[Tables.KPI_WINDOW_START];
        kpiFirst = kpiFirst == null || start.isBefore(kpiFirst) ? start : kpiFirst;
        kpiLast = kpiLast == null || start.isAfter(kpiLast) ? start : kpiLast;
      }
    }
  }

  /** The staged rows into their tables, in merge order, then the rollup of the KPI windows. */
  private void merge() throws SQLException {
    if (staged.isEmpty()) {
      return;
    }
    Dialect dialect = sink.dialect();
    try (Statement s = c.createStatement()) {
      for (StagedTable<?> table : Tables.TYPED) {
        if (staged.contains(table)) {
          for (String merge : table.merges()) {
            s.executeUpdate(merge);
          }
        }
      }
      if (kpiFirst != null && KpiRollup.maintainedBySink(dialect)) {
        long refresh = WriteTimes.clock();
        KpiRollup.refreshTouched(c, kpiFirst, kpiLast);
        sink.times().rollup(WriteTimes.clock() - refresh);
      }
      if (dialect == Dialect.DUCKDB) {
        for (StagedTable<?> table : staged) {
          s.execute("DELETE FROM " + table.stage());
        }
      }
    }
  }
}
