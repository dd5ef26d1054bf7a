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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes events and the Kafka positions they reach in ONE transaction ({@link SinkTransaction},
 * which may take many batches): read the group's stored positions (skipping events another
 * writer already stored), append the raw events straight into {@code raw_events}, stage the
 * typed rows, then once for the transaction merge them (facts inserted once, state upserted so
 * replays converge), refresh the hourly KPI rollup, advance the positions, commit. Either all of
 * it is durable or none of it is, so a restart that seeks to {@link #storedOffsets} neither
 * loses nor duplicates a row.
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
   * next offset and {@code positions} (records the handler skipped), atomically: one
   * transaction of one batch.
   */
  public Result store(List<Event> events, Map<TopicPartition, Long> positions)
      throws SQLException {
    try (SinkTransaction tx = begin()) {
      tx.append(events, positions);
      return tx.commit();
    }
  }

  /** Opens a transaction that takes batches until it is committed (ADR-061). */
  public SinkTransaction begin() throws SQLException {
    return new SinkTransaction(this, database.connection());
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
  List<Event> withoutStored(Connection c, List<Event> events) throws SQLException {
    if (raw.keyed()) {
      return events; // the key refuses a stored id in the append itself
    }
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

  /**
   * Merges into {@code next} the positions a batch reaches: each partition's events' next
   * offset and the positions given (records skipped), whichever is larger.
   */
  static void reached(Map<TopicPartition, Long> next, List<Event> events,
      Map<TopicPartition, Long> positions) {
    positions.forEach((tp, p) -> next.merge(tp, p, Math::max));
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
  }

  /** Merges into {@code newest} the newest event time appended per partition. */
  static void newestTimes(Map<TopicPartition, Instant> newest, List<StoredRow.RawEvent> rows) {
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
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static int rawCount(List<Event> events) {
    int count = 0;
    for (Event e : events) {
      count += e.rows().isEmpty() ? 0 : 1;
    }
    return count;
  }

  /**
   * On plain PostgreSQL, the monthly partitions the events' rows need, each created in its own
   * short transaction (not the sink's, which may stay open over many batches).
   */
  void ensurePartitions(List<Event> events) throws SQLException {
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
    if (times.isEmpty()) {
      return;
    }
    try (Connection c = database.connection()) {
      for (Map.Entry<String, List<Instant>> t : times.entrySet()) {
        database.partitions().ensure(c, t.getKey(), t.getValue());
      }
    }
  }

  IngestOffsets offsets() {
    return offsets;
  }

  RawEventWriter raw() {
    return raw;
  }

  BulkLoader loader() {
    return loader;
  }

  Dialect dialect() {
    return database.dialect();
  }
}
