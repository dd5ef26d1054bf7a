package com.towerco.analytics.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer group's Kafka positions in the {@code ingest_offsets} table, read and written
 * inside the sink's transaction. Reading them first (locked on PostgreSQL; on DuckDB a
 * concurrent writer of the same row fails its commit instead) tells a writer which of its
 * events another writer already stored, so two consumers that briefly both believe they own a
 * partition cannot store its records twice. Positions only move forward.
 */
final class IngestOffsets {
  private static final String STAGE = "stage_offsets";
  private static final List<Column> COLUMNS = List.of(Column.text("topic"),
      Column.integer("kafka_partition"), Column.bigint("next_offset"),
      Column.time("newest_event_time"));
  private static final String MERGE = """
      INSERT INTO ingest_offsets (consumer_group, topic, kafka_partition, next_offset,
          newest_event_time)
      SELECT ?, topic, kafka_partition, max(next_offset), max(newest_event_time)
      FROM stage_offsets GROUP BY topic, kafka_partition
      ON CONFLICT (consumer_group, topic, kafka_partition)
      DO UPDATE SET next_offset = GREATEST(ingest_offsets.next_offset, excluded.next_offset),
          newest_event_time = GREATEST(ingest_offsets.newest_event_time,
              excluded.newest_event_time)""";

  private final String consumerGroup;
  private final Dialect dialect;
  private final boolean lockRows;
  private final String text;
  private final BulkLoader loader;

  IngestOffsets(String consumerGroup, Dialect dialect) {
    this.consumerGroup = consumerGroup;
    this.dialect = dialect;
    this.lockRows = dialect.isPostgres();
    this.text = dialect.sqlType(Column.Kind.TEXT);
    this.loader = BulkLoader.forDialect(dialect);
  }

  /** Every position the group has stored (a row per partition ever written: a small table). */
  Map<TopicPartition, Long> read(Connection c) throws SQLException {
    Map<TopicPartition, Long> stored = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT topic, kafka_partition, next_offset"
        + " FROM ingest_offsets WHERE consumer_group = ?" + (lockRows ? " FOR UPDATE" : ""))) {
      ps.setString(1, consumerGroup);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stored.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
        }
      }
    }
    return stored;
  }

  /**
   * The newest event time stored from each partition the group has a position for (where the
   * sink's id windows start): null for one nothing was stored from.
   */
  Map<TopicPartition, Instant> newestEventTimes(Connection c) throws SQLException {
    Map<TopicPartition, Instant> newest = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT topic, kafka_partition,"
        + " newest_event_time FROM ingest_offsets WHERE consumer_group = ?")) {
      ps.setString(1, consumerGroup);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime t = rs.getObject(3, OffsetDateTime.class);
          newest.put(new TopicPartition(rs.getString(1), rs.getInt(2)),
              t == null ? null : t.toInstant());
        }
      }
    }
    return newest;
  }

  /**
   * Moves positions forward (never back), set-based: a batch touches every site's partition;
   * with them the newest event time stored from each partition ({@code newestEventTimes}).
   */
  void advance(Connection c, Map<TopicPartition, Long> nextOffsets,
      Map<TopicPartition, Instant> newestEventTimes) throws SQLException {
    if (nextOffsets.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(nextOffsets.size());
    nextOffsets.forEach((tp, offset) -> rows.add(new Object[] {tp.topic(), tp.partition(),
        offset, newestEventTimes.get(tp)}));
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGE + " (topic " + text + ","
          + " kafka_partition INTEGER, next_offset BIGINT, newest_event_time "
          + dialect.sqlType(Column.Kind.TIME) + ")"
          + (dialect.isPostgres() ? " ON COMMIT DELETE ROWS" : ""));
      loader.load(c, STAGE, true, COLUMNS, rows);
      try (PreparedStatement ps = c.prepareStatement(MERGE)) {
        ps.setString(1, consumerGroup);
        ps.executeUpdate();
      }
      if (!dialect.isPostgres()) {
        s.execute("DELETE FROM " + STAGE);
      }
    }
  }
}
