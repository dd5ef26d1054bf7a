package com.towerco.analytics.jdbc;

import com.towerco.analytics.domain.StoredRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes a batch of events and the Kafka positions they reach in ONE transaction: read the
 * group's stored positions (skipping events another writer already stored), append the raw
 * events straight into {@code raw_events}, stage and merge the typed rows (facts inserted once,
 * state upserted so replays converge), refresh the hourly KPI rollup, advance the positions,
 * commit. Either all of it is durable or none of it is, so a restart that seeks to
 * {@link #storedOffsets} neither loses nor duplicates a row.
 */
public final class EventSink {
  /**
   * One consumed event: where it came from and its rows (its raw event first, or none for an
   * event already known to be stored). {@code checkStore} asks the sink to check the store for
   * its id, because the caller's in-memory id window does not cover its event time.
   */
  public record Event(TopicPartition partition, long offset, List<StoredRow> rows,
      boolean checkStore) {}

  /** What a write did: events newly stored, and events found already stored (skipped). */
  public record Result(int stored, int duplicates, Map<TopicPartition, Long> positions) {}

  private final Database database;
  private final IngestOffsets offsets;
  private final RawEventWriter raw;
  private final BulkLoader loader;
  private final WriteTimes times = new WriteTimes();

  public EventSink(Database database, String consumerGroup) {
    this.database = database;
    this.offsets = new IngestOffsets(consumerGroup, database.dialect());
    this.raw = RawEventWriter.forDialect(database.dialect());
    this.loader = BulkLoader.forDialect(database.dialect());
  }

  /**
   * Stores the events and advances each partition's position to the larger of its events'
   * next offset and {@code positions} (records the handler skipped), atomically.
   */
  public Result store(List<Event> events, Map<TopicPartition, Long> positions)
      throws SQLException {
    try (Connection c = database.connection()) {
      long t0 = System.nanoTime();
      ensurePartitions(c, events);
      c.setAutoCommit(false);
      try {
        Map<TopicPartition, Long> stored = offsets.read(c);
        long t1 = System.nanoTime();
        List<Event> fresh = new ArrayList<>(events.size());
        int duplicates = 0;
        TopicPartition partition = null;
        long storedNext = Long.MIN_VALUE;
        for (Event e : events) {
          // Events come in runs of one partition: look its position up once a run.
          if (!e.partition().equals(partition)) {
            partition = e.partition();
            storedNext = stored.getOrDefault(partition, Long.MIN_VALUE);
          }
          if (e.offset() < storedNext) {
            duplicates += e.rows().isEmpty() ? 0 : 1;
          } else {
            fresh.add(e);
          }
        }
        List<Event> kept = raw.keyed() ? fresh : withoutStored(c, fresh);
        duplicates += rawCount(fresh) - rawCount(kept);
        long t2 = System.nanoTime();
        List<StoredRow.RawEvent> rawRows = new ArrayList<>(kept.size());
        Map<StagedTable<?>, List<Object[]>> typed = new LinkedHashMap<>();
        for (Event e : kept) {
          for (StoredRow row : e.rows()) {
            if (row instanceof StoredRow.RawEvent r) {
              rawRows.add(r);
            } else {
              StagedTable<?> table = Tables.of(row);
              typed.computeIfAbsent(table, t -> new ArrayList<>()).add(table.valuesOf(row));
            }
          }
        }
        int inserted = raw.append(c, rawRows);
        duplicates += rawRows.size() - inserted;
        long t3 = System.nanoTime();
        writeTyped(c, typed);
        long t4 = System.nanoTime();
        Map<TopicPartition, Long> next = nextPositions(events, positions, stored);
        offsets.advance(c, next, newestTimes(rawRows));
        long t5 = System.nanoTime();
        c.commit();
        long t6 = System.nanoTime();
        times.add(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5);
        return new Result(inserted, duplicates, next);
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /**
   * Stores rows that are not yet grouped into events (tests and tools): each raw event starts
   * an event, checked against the store; positions as given.
   */
  public int write(List<StoredRow> rows, Map<TopicPartition, Long> nextOffsets)
      throws SQLException {
    List<Event> events = new ArrayList<>();
    List<StoredRow> current = null;
    for (StoredRow row : rows) {
      if (row instanceof StoredRow.RawEvent r) {
        current = new ArrayList<>();
        events.add(new Event(new TopicPartition(r.topic(), r.partition()), r.offset(), current,
            true));
      } else if (current == null) {
        current = new ArrayList<>();
        events.add(new Event(new TopicPartition("none", 0), Long.MAX_VALUE, current, false));
      }
      current.add(row);
    }
    return store(events, nextOffsets).stored();
  }

  /** The next offset to read for each partition this group has stored rows for. */
  public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions)
      throws SQLException {
    Map<TopicPartition, Long> stored = new HashMap<>();
    try (Connection c = database.connection()) {
      offsets.read(c).forEach((tp, offset) -> {
        if (partitions.contains(tp)) {
          stored.put(tp, offset);
        }
      });
    }
    return stored;
  }

  /** Where a caller's id window may start vouching for each partition's ids. */
  public record WindowFloors(Map<TopicPartition, Instant> byPartition, Instant otherwise) {
    /** The floor of one partition. */
    public Instant of(TopicPartition partition) {
      return byPartition.getOrDefault(partition, otherwise);
    }
  }

  /**
   * The event time from which a caller's id window may vouch for each partition's ids, read
   * once for all partitions: on DuckDB just after the newest event stored from the partition
   * (older ids must be checked against the table); the beginning of time for a partition
   * nothing was stored from (a new one); and, for a group that has stored nothing at all in a
   * store that holds events (a store filled by another group), just after the newest event of
   * the whole table. Any time at all on PostgreSQL, whose key refuses a stored id in the append
   * itself.
   */
  public WindowFloors windowFloors() throws SQLException {
    if (raw.keyed()) {
      return new WindowFloors(Map.of(), Instant.EPOCH);
    }
    try (Connection c = database.connection()) {
      Map<TopicPartition, Instant> newest = offsets.newestEventTimes(c);
      Map<TopicPartition, Instant> floors = new HashMap<>();
      newest.forEach((tp, t) -> {
        if (t != null) {
          floors.put(tp, t.plusMillis(1));
        }
      });
      Instant otherwise = newest.isEmpty() ? newestStored(c).plusMillis(1) : Instant.EPOCH;
      return new WindowFloors(floors, otherwise);
    }
  }

  private static Instant newestStored(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT max(event_time) FROM raw_events")) {
      rs.next();
      java.time.OffsetDateTime newest = rs.getObject(1, java.time.OffsetDateTime.class);
      return newest == null ? Instant.EPOCH.minusMillis(1) : newest.toInstant();
    }
  }

  /** Time spent so far in each step of {@link #store} (for the benchmark's profile). */
  public WriteTimes times() {
    return times;
  }

  /**
   * The events without those whose ids the window could not vouch for and that are stored
   * already, or come earlier in this batch (the window may have dropped an id it answered
   * new before that event's batch was written: a copy of it is then checked here, not yet in
   * the store, and must not be stored beside it).
   */
  private List<Event> withoutStored(Connection c, List<Event> events) throws SQLException {
    List<StoredRow.RawEvent> candidates = new ArrayList<>();
    for (Event e : events) {
      StoredRow.RawEvent r = rawOf(e);
      if (e.checkStore() && r != null) {
        candidates.add(r);
      }
    }
    if (candidates.isEmpty()) {
      return events;
    }
    times.checkedInStore(candidates.size());
    Set<String> skip = raw.storedAmong(c, candidates);
    Set<String> asked = new HashSet<>();
    for (StoredRow.RawEvent r : candidates) {
      asked.add(r.eventId());
    }
    Set<String> seen = new HashSet<>();
    for (Event e : events) {
      StoredRow.RawEvent r = rawOf(e);
      if (!e.checkStore() && r != null && asked.contains(r.eventId())) {
        seen.add(r.eventId());
      }
    }
    List<Event> kept = new ArrayList<>(events.size());
    for (Event e : events) {
      StoredRow.RawEvent r = rawOf(e);
      if (e.checkStore() && r != null
          && (skip.contains(r.eventId()) || !seen.add(r.eventId()))) {
        continue;
      }
      kept.add(e);
    }
    return kept;
  }

  private static StoredRow.RawEvent rawOf(Event e) {
    return !e.rows().isEmpty() && e.rows().get(0) instanceof StoredRow.RawEvent r ? r : null;
  }

  private void writeTyped(Connection c, Map<StagedTable<?>, List<Object[]>> typed)
      throws SQLException {
    if (typed.isEmpty()) {
      return;
    }
    Dialect dialect = database.dialect();
    try (Statement s = c.createStatement()) {
      for (StagedTable<?> table : typed.keySet()) {
        s.execute(table.createStage(dialect));
      }
      for (Map.Entry<StagedTable<?>, List<Object[]>> e : typed.entrySet()) {
        loader.load(c, e.getKey().stage(), true, e.getKey().columns(), e.getValue());
      }
      for (StagedTable<?> table : Tables.TYPED) {
        if (typed.containsKey(table)) {
          for (String merge : table.merges()) {
            s.executeUpdate(merge);
          }
        }
      }
      List<Object[]> windows = typed.get(Tables.KPI_WINDOWS);
      if (windows != null && KpiRollup.maintainedBySink(dialect)) {
        Instant first = null;
        Instant last = null;
        for (Object[] w : windows) {
          Instant start = (Instant) w[Tables.KPI_WINDOW_START];
          first = first == null || start.isBefore(first) ? start : first;
          last = last == null || start.isAfter(last) ? start : last;
        }
        long refresh = System.nanoTime();
        KpiRollup.refreshTouched(c, first, last);
        times.rollup(System.nanoTime() - refresh);
      }
      if (dialect == Dialect.DUCKDB) {
        for (StagedTable<?> table : typed.keySet()) {
          s.execute("DELETE FROM " + table.stage());
        }
      }
    }
  }

  private static Map<TopicPartition, Long> nextPositions(List<Event> events,
      Map<TopicPartition, Long> positions, Map<TopicPartition, Long> stored) {
    Map<TopicPartition, Long> next = new HashMap<>(positions);
    // Once per run of one partition's events, not once per event.
    TopicPartition run = null;
    long runNext = Long.MIN_VALUE;
    for (Event e : events) {
      if (e.offset() == Long.MAX_VALUE) {
        continue;
      }
      if (!e.partition().equals(run)) {
        if (run != null) {
          next.merge(run, runNext, Math::max);
        }
        run = e.partition();
        runNext = Long.MIN_VALUE;
      }
      runNext = Math.max(runNext, e.offset() + 1);
    }
    if (run != null) {
      next.merge(run, runNext, Math::max);
    }
    next.replaceAll((tp, offset) -> Math.max(offset, stored.getOrDefault(tp, offset)));
    return next;
  }

  /** The newest event time appended per partition (where the id windows open from). */
  private static Map<TopicPartition, Instant> newestTimes(List<StoredRow.RawEvent> rows) {
    Map<TopicPartition, Instant> newest = new HashMap<>();
    // Once per run of one partition's rows, not once per row.
    String topic = null;
    int partition = -1;
    Instant runNewest = null;
    for (StoredRow.RawEvent r : rows) {
      if (topic == null || partition != r.partition() || !topic.equals(r.topic())) {
        if (topic != null) {
          newest.merge(new TopicPartition(topic, partition), runNewest, EventSink::later);
        }
        topic = r.topic();
        partition = r.partition();
        runNewest = r.eventTime();
      } else if (r.eventTime().isAfter(runNewest)) {
        runNewest = r.eventTime();
      }
    }
    if (topic != null) {
      newest.merge(new TopicPartition(topic, partition), runNewest, EventSink::later);
    }
    return newest;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static int rawCount(List<Event> events) {
    int count = 0;
    for (Event e : events) {
      count += e.rows().isEmpty() ? 0 : 1;
    }
    return count;
  }

  private void ensurePartitions(Connection c, List<Event> events) throws SQLException {
    if (database.dialect() != Dialect.POSTGRESQL) {
      return;
    }
    Map<String, List<Instant>> times = new HashMap<>();
    for (Event e : events) {
      for (StoredRow row : e.rows()) {
        if (row instanceof StoredRow.RawEvent r) {
          times.computeIfAbsent("raw_events", t -> new ArrayList<>()).add(r.eventTime());
        } else if (row instanceof StoredRow.KpiWindow k) {
          times.computeIfAbsent("kpi_windows", t -> new ArrayList<>()).add(k.windowStart());
        } else if (row instanceof StoredRow.Alarm a) {
          times.computeIfAbsent("alarms", t -> new ArrayList<>()).add(a.eventTime());
        }
      }
    }
    for (Map.Entry<String, List<Instant>> t : times.entrySet()) {
      database.partitions().ensure(c, t.getKey(), t.getValue());
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; the pool discards it
    }
  }
}
