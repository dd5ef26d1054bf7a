package com.towerco.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.analytics.domain.Projector;
import com.towerco.analytics.ingest.IngestHandler;
import com.towerco.analytics.ingest.IngestMetrics;
import com.towerco.analytics.ingest.IngestSettings;
import com.towerco.analytics.jdbc.Database;
import com.towerco.analytics.jdbc.EventSink;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.SourceRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sink's exactly-once guarantees, driven as the consumer runtime drives it: an event
 * re-sent at a new offset is stored once whether the id window or the store catches it, a
 * partition's records another consumer already stored are skipped, and Kafka is only told
 * positions the database holds.
 */
abstract class ExactlyOnceContract {
  static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
  static final String TOPIC = "towerco.sites.S1.events";
  static final TopicPartition TP = new TopicPartition(TOPIC, 0);
  static final EventCodec CODEC = new EventCodec();

  TestDatabases databases;
  Database database;
  PlatformMetrics metrics;

  abstract TestDatabases databases();

  @BeforeEach
  void open() {
    databases = databases();
    database = databases.open();
    metrics = new PlatformMetrics();
  }

  @AfterEach
  void close() {
    metrics.close();
    database.close();
    databases.close();
  }

  @Test
  void storesAnEventResentAtANewOffsetOnceAndCountsTheResend() throws Exception {
    Envelope event = event(T0);
    IngestHandler handler = handler("g1");
    handler.handle(event, record(event, 0));
    handler.handle(event(T0.plusSeconds(10)), record(event(T0.plusSeconds(10)), 1));
    handler.handle(event, record(event, 2));
    handler.close();
    assertThat(count("raw_events")).isEqualTo(2);
    assertThat(duplicates()).isEqualTo(1);
    assertThat(new EventSink(database, "g1").storedOffsets(List.of(TP)))
        .isEqualTo(Map.of(TP, 3L));
  }

  @Test
  void storesAResendOfAnEventStoredBeforeARestartOnce() throws Exception {
    Envelope event = event(T0);
    Envelope later = event(T0.plusSeconds(60));
    IngestHandler first = handler("g2");
    first.handle(event, record(event, 0));
    first.handle(later, record(later, 1));
    first.close();
    // A new consumer knows no ids; the re-sent event is older than anything it has seen.
    IngestHandler restarted = handler("g2");
    restarted.handle(event, record(event, 2));
    restarted.handle(later, record(later, 3));
    Envelope fresh = event(T0.plusSeconds(120));
    restarted.handle(fresh, record(fresh, 4));
    restarted.close();
    assertThat(count("raw_events")).isEqualTo(3);
    assertThat(duplicates()).isEqualTo(2);
  }

  @Test
  void skipsThePartitionsRecordsAnotherConsumerAlreadyStored() throws Exception {
    List<Envelope> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      events.add(event(T0.plusSeconds(10L * i)));
    }
    // A consumer that lost the partition stored records 0-5 after the new owner read the
    // stored positions; the new owner then writes records 3-9.
    IngestHandler stale = handler("g3");
    for (int i = 0; i <= 5; i++) {
      stale.handle(events.get(i), record(events.get(i), i));
    }
    IngestHandler owner = handler("g3");
    for (int i = 3; i < 10; i++) {
      owner.handle(events.get(i), record(events.get(i), i));
    }
    stale.close();
    owner.close();
    assertThat(count("raw_events")).isEqualTo(10);
    assertThat(new EventSink(database, "g3").storedOffsets(List.of(TP)))
        .isEqualTo(Map.of(TP, 10L));
  }

  @Test
  void tellsKafkaOnlyPositionsTheDatabaseHolds() throws Exception {
    IngestSettings slow = new IngestSettings(1_000, 2_000, Duration.ofHours(1),
        Duration.ofSeconds(1));
    IngestHandler handler = new IngestHandler(new Projector(), new EventSink(database, "g4"),
        slow, (source, detail) -> { }, metrics.forService("g4"),
        new IngestMetrics(metrics.registry()));
    Envelope event = event(T0);
    handler.handle(event, record(event, 7));
    // Nothing is stored yet (the batch waits for its size or its hour): Kafka may commit only
    // up to where this consumer started.
    assertThat(handler.committable(TP, 8).offset()).isEqualTo(7);
    handler.close();
    assertThat(count("raw_events")).isEqualTo(1);
  }

  IngestHandler handler(String group) {
    return new IngestHandler(new Projector(), new EventSink(database, group),
        IngestSettings.defaults(), (source, detail) -> {
          throw new IllegalStateException(detail);
        }, metrics.forService("analytics"), new IngestMetrics(metrics.registry()));
  }

  static Envelope event(Instant at) {
    return TestEvents.kpi("S1", null, "R1", at, 5, 100, 100);
  }

  static SourceRecord record(Envelope e, long offset) {
    return new SourceRecord(TOPIC, 0, offset, "S1", CODEC.encode(e), 0);
  }

  double duplicates() {
    return metrics.registry().find("towerco_duplicates_skipped").tag("service", "analytics")
        .counter().count();
  }

  long count(String table) throws Exception {
    try (Connection c = database.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
