package com.towerco.analytics.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
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
  private static final String UPSERT = """
      INSERT INTO ingest_offsets (consumer_group, topic, kafka_partition, next_offset)
      VALUES (?, ?, ?, ?)
      ON CONFLICT (consumer_group, topic, kafka_partition)
      DO UPDATE SET next_offset = GREATEST(ingest_offsets.next_offset, excluded.next_offset)""";

  private final String consumerGroup;
  private final boolean lockRows;

  IngestOffsets(String consumerGroup, Dialect dialect) {
    this.consumerGroup = consumerGroup;
    this.lockRows = dialect.isPostgres();
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

  void advance(Connection c, Map<TopicPartition, Long> nextOffsets) throws SQLException {
    if (nextOffsets.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
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
}
