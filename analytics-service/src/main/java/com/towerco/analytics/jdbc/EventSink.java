package com.towerco.analytics.jdbc;

import com.towerco.analytics.domain.StoredRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes batches of rows and the Kafka positions they reach in ONE transaction: bulk-load into
 * staging tables, merge into the real tables (idempotent on event_id), upsert the consumer
 * group's next offsets, commit. Either all of it is durable or none of it is, so a restart that
 * seeks to {@link #storedOffsets} neither loses nor duplicates a row. Offsets only move forward,
 * so a stale writer (a consumer that lost its partition) cannot move them back.
 */
public final class EventSink {
  private static final String UPSERT_OFFSET = """
      INSERT INTO ingest_offsets (consumer_group, topic, kafka_partition, next_offset)
      VALUES (?, ?, ?, ?)
      ON CONFLICT (consumer_group, topic, kafka_partition)
      DO UPDATE SET next_offset = GREATEST(ingest_offsets.next_offset, excluded.next_offset)""";

  private final Database database;
  private final String consumerGroup;
  private final BulkLoader loader;

  public EventSink(Database database, String consumerGroup) {
    this.database = database;
    this.consumerGroup = consumerGroup;
    this.loader = BulkLoader.forDialect(database.dialect());
  }

  /**
   * Stores the rows and advances the offsets, atomically; returns how many raw events were new
   * (the rest were already stored: redeliveries).
   */
  public int write(List<StoredRow> rows, Map<TopicPartition, Long> nextOffsets)
      throws SQLException {
    Map<StagedTable<?>, List<Object[]>> byTable = new LinkedHashMap<>();
    Map<String, List<Instant>> times = new HashMap<>();
    for (StoredRow row : rows) {
      StagedTable<?> table = Tables.of(row);
      byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(table.valuesOf(row));
      if (database.dialect() == Dialect.POSTGRESQL) {
        partitionTime(row, times);
      }
    }
    try (Connection c = database.connection()) {
      for (Map.Entry<String, List<Instant>> t : times.entrySet()) {
        database.partitions().ensure(c, t.getKey(), t.getValue());
      }
      c.setAutoCommit(false);
      try {
        int inserted = writeRows(c, byTable);
        writeOffsets(c, nextOffsets);
        c.commit();
        return inserted;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private int writeRows(Connection c, Map<StagedTable<?>, List<Object[]>> byTable)
      throws SQLException {
    Dialect dialect = database.dialect();
    int inserted = 0;
    try (Statement s = c.createStatement()) {
      for (StagedTable<?> table : byTable.keySet()) {
        // Also opens the transaction before DuckDB's appender, which then joins it.
        s.execute(table.createStage(dialect));
      }
      for (Map.Entry<StagedTable<?>, List<Object[]>> e : byTable.entrySet()) {
        loader.load(c, e.getKey().stage(), true, e.getKey().columns(), e.getValue());
      }
      for (StagedTable<?> table : Tables.ALL) {
        if (byTable.containsKey(table)) {
          for (String merge : table.merges()) {
            int count = s.executeUpdate(merge);
            if (table == Tables.RAW_EVENTS) {
              inserted = count;
            }
          }
        }
      }
      if (dialect == Dialect.DUCKDB) {
        for (StagedTable<?> table : byTable.keySet()) {
          s.execute("DELETE FROM " + table.stage());
        }
      }
    }
    return inserted;
  }

  private void writeOffsets(Connection c, Map<TopicPartition, Long> nextOffsets)
      throws SQLException {
    if (nextOffsets.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT_OFFSET)) {
      for (Map.Entry<TopicPartition, Long> e : nextOffsets.entrySet()) {
        ps.setString(1, consumerGroup);
        ps.setString(2, e.getKey().topic());
        ps.setInt(3, e.getKey().partition());
        ps.setLong(4, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The next offset to read for each partition this group has stored rows for. */
  public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions)
      throws SQLException {
    Map<TopicPartition, Long> stored = new HashMap<>();
    try (Connection c = database.connection();
        PreparedStatement ps = c.prepareStatement("SELECT topic, kafka_partition, next_offset"
            + " FROM ingest_offsets WHERE consumer_group = ?")) {
      ps.setString(1, consumerGroup);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          TopicPartition tp = new TopicPartition(rs.getString(1), rs.getInt(2));
          if (partitions.contains(tp)) {
            stored.put(tp, rs.getLong(3));
          }
        }
      }
    }
    return stored;
  }

  private static void partitionTime(StoredRow row, Map<String, List<Instant>> times) {
    if (row instanceof StoredRow.RawEvent r) {
      times.computeIfAbsent("raw_events", t -> new ArrayList<>()).add(r.eventTime());
    } else if (row instanceof StoredRow.KpiWindow k) {
      times.computeIfAbsent("kpi_windows", t -> new ArrayList<>()).add(k.windowStart());
    } else if (row instanceof StoredRow.Alarm a) {
      times.computeIfAbsent("alarms", t -> new ArrayList<>()).add(a.eventTime());
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
