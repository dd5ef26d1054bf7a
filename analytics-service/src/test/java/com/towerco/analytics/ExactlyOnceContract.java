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

  @Test
  void storesTwoPartitionsHoursApartInEventTimeOnceWithoutAskingTheStore() throws Exception {
    // The consumer reads partitions in turn, each fetch a run of one partition; this one is
    // five hours of event time behind the other. Every event is then re-sent at a new offset.
    List<Envelope> behind = events("S1", T0, 20);
    List<Envelope> ahead = events("S2", T0.plus(Duration.ofHours(5)), 20);
    EventSink sink = new EventSink(database, "g5");
    IngestHandler handler = handler(sink);
    for (int run = 0; run < 20; run += 10) {
      for (int i = run; i < run + 10; i++) {
        handler.handle(ahead.get(i), record(ahead.get(i), 1, i));
      }
      for (int i = run; i < run + 10; i++) {
        handler.handle(behind.get(i), record(behind.get(i), 0, i));
      }
    }
    for (int i = 0; i < 20; i++) {
      handler.handle(ahead.get(i), record(ahead.get(i), 1, 20 + i));
      handler.handle(behind.get(i), record(behind.get(i), 0, 20 + i));
    }
    handler.close();
    assertThat(count("raw_events")).isEqualTo(40);
    assertThat(duplicates()).isEqualTo(40);
    // Each partition's re-sends fall inside its own horizon: the window caught them all.
    assertThat(sink.times().storeChecks()).isZero();
  }

  @Test
  void aRestartedConsumerVouchesForEachPartitionFromWhatTheStoreHoldsOfIt() throws Exception {
    List<Envelope> behind = events("S1", T0, 20);
    List<Envelope> ahead = events("S2", T0.plus(Duration.ofHours(5)), 10);
    IngestHandler first = handler(new EventSink(database, "g6"));
    for (int i = 0; i < 10; i++) {
      first.handle(ahead.get(i), record(ahead.get(i), 1, i));
      first.handle(behind.get(i), record(behind.get(i), 0, i));
    }
    first.close();
    // Killed before Kafka heard of it: the restarted consumer is sent records 5-9 of both
    // partitions again, then a gateway re-sends the first ten of the partition behind at new
    // offsets, and that partition goes on, still five hours behind the other.
    EventSink sink = new EventSink(database, "g6");
    IngestHandler restarted = handler(sink);
    for (int i = 5; i < 10; i++) {
      restarted.handle(ahead.get(i), record(ahead.get(i), 1, i));
      restarted.handle(behind.get(i), record(behind.get(i), 0, i));
    }
    for (int i = 0; i < 10; i++) {
      restarted.handle(behind.get(i), record(behind.get(i), 0, 10 + i));
    }
    for (int i = 10; i < 20; i++) {
      restarted.handle(behind.get(i), record(behind.get(i), 0, 10 + i));
    }
    restarted.close();
    assertThat(count("raw_events")).isEqualTo(30);
    assertThat(duplicates()).isEqualTo(20);
    // Only the re-sends older than what the store holds of their partition were asked about
    // (PostgreSQL's key answers for every id instead).
    assertThat(sink.times().storeChecks()).isEqualTo(database.dialect().isPostgres() ? 0 : 10);
    assertThat(new EventSink(database, "g6").storedOffsets(List.of(TP, new TopicPartition(TOPIC,
        1)))).isEqualTo(Map.of(TP, 30L, new TopicPartition(TOPIC, 1), 10L));
  }

  @Test
  void coversAPartitionNothingWasStoredFromFromItsBeginning() throws Exception {
    // The group has stored another partition, five hours ahead; a partition it never stored
    // from appears (a new site topic) and is re-sent within its horizon: no store check.
    List<Envelope> ahead = events("S2", T0.plus(Duration.ofHours(5)), 10);
    List<Envelope> fresh = events("S1", T0, 10);
    IngestHandler first = handler(new EventSink(database, "g8"));
    for (int i = 0; i < 10; i++) {
      first.handle(ahead.get(i), record(ahead.get(i), 1, i));
    }
    first.close();
    EventSink sink = new EventSink(database, "g8");
    IngestHandler restarted = handler(sink);
    assertThat(restarted.storedOffsets(List.of(TP, new TopicPartition(TOPIC, 1))))
        .isEqualTo(Map.of(new TopicPartition(TOPIC, 1), 10L));
    for (int i = 0; i < 10; i++) {
      restarted.handle(fresh.get(i), record(fresh.get(i), 0, i));
    }
    for (int i = 0; i < 10; i++) {
      restarted.handle(fresh.get(i), record(fresh.get(i), 0, 10 + i));
    }
    restarted.close();
    assertThat(count("raw_events")).isEqualTo(20);
    assertThat(duplicates()).isEqualTo(10);
    assertThat(sink.times().storeChecks()).isZero();
  }

  @Test
  void checksEverythingOlderThanTheStoreHoldsForAGroupThatStoredNothingThere()
      throws Exception {
    // A store filled by another group: this group's window cannot vouch for anything up to the
    // newest event the store holds, so a copy of a stored event is found in the store.
    List<Envelope> history = events("S1", T0, 10);
    IngestHandler other = handler(new EventSink(database, "g9-other"));
    for (int i = 0; i < 10; i++) {
      other.handle(history.get(i), record(history.get(i), 0, i));
    }
    other.close();
    IngestHandler handler = handler(new EventSink(database, "g9"));
    for (int i = 0; i < 10; i++) {
      handler.handle(history.get(i), record(history.get(i), 0, i));
    }
    handler.close();
    assertThat(count("raw_events")).isEqualTo(10);
    assertThat(duplicates()).isEqualTo(10);
  }

  @Test
  void storesAReplayOfAPartitionsHistoryOnce() throws Exception {
    // Twenty minutes of a partition, replayed whole at new offsets (longer than the horizon:
    // its start is checked against the store, its end caught by the window), then a new event.
    List<Envelope> history = events("S1", T0, 61);
    IngestHandler handler = handler(new EventSink(database, "g7"));
    for (int i = 0; i < 60; i++) {
      handler.handle(history.get(i), record(history.get(i), 0, i));
    }
    for (int i = 0; i < 60; i++) {
      handler.handle(history.get(i), record(history.get(i), 0, 60 + i));
    }
    handler.handle(history.get(60), record(history.get(60), 0, 120));
    handler.close();
    assertThat(count("raw_events")).isEqualTo(61);
    assertThat(duplicates()).isEqualTo(60);
  }

  /** A site's KPI events {@code count} in a row, 20 s apart in event time. */
  static List<Envelope> events(String site, Instant from, int count) {
    List<Envelope> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(TestEvents.kpi(site, null, "R1", from.plusSeconds(20L * i), 1, 100, 100));
    }
    return events;
  }

  IngestHandler handler(String group) {
    return handler(new EventSink(database, group));
  }

  IngestHandler handler(EventSink sink) {
    return new IngestHandler(new Projector(), sink,
        IngestSettings.defaults(), (source, detail) -> {
          throw new IllegalStateException(detail);
        }, metrics.forService("analytics"), new IngestMetrics(metrics.registry()));
  }

  static Envelope event(Instant at) {
    return TestEvents.kpi("S1", null, "R1", at, 5, 100, 100);
  }

  static SourceRecord record(Envelope e, long offset) {
    return record(e, 0, offset);
  }

  static SourceRecord record(Envelope e, int partition, long offset) {
    return new SourceRecord(TOPIC, partition, offset, e.siteId(), CODEC.encode(e), 0);
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
