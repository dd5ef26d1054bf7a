package com.towerco.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.analytics.domain.Projector;
import com.towerco.analytics.ingest.IngestHandler;
import com.towerco.analytics.ingest.IngestMetrics;
import com.towerco.analytics.ingest.IngestSettings;
import com.towerco.analytics.jdbc.Database;
import com.towerco.analytics.jdbc.EventSink;
import com.towerco.events.Envelope;
import com.towerco.platform.metrics.PlatformMetrics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's transaction spans batches (ADR-061): each batch is appended as soon as the
 * writer takes it and leaves the heap, and the transaction commits when it holds its bound of
 * events or has been open its interval; until then nothing of it is visible, and Kafka is told
 * only positions the database holds.
 */
abstract class WriterTransactionContract {
  static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
  static final TopicPartition TP = new TopicPartition(ExactlyOnceContract.TOPIC, 0);

  TestDatabases databases;
  Database database;
  PlatformMetrics metrics;
  IngestMetrics ingest;

  abstract TestDatabases databases();

  @BeforeEach
  void open() {
    databases = databases();
    database = databases.open();
    metrics = new PlatformMetrics();
    ingest = new IngestMetrics(metrics.registry());
  }

  @AfterEach
  void close() {
    metrics.close();
    database.close();
    databases.close();
  }

  @Test
  void commitsOnceTheTransactionHoldsItsBoundOfEvents() throws Exception {
    // Batches of 100 handed over at once (never by age), committed at 200 events.
    IngestHandler handler = handler(new IngestSettings(100, 300, Duration.ofHours(1),
        Duration.ofSeconds(1)).withCommit(200, Duration.ofHours(1)));
    List<Envelope> events = ExactlyOnceContract.events("S1", T0, 300);
    handle(handler, events, 0, 100);
    // Appended (no longer waiting on the heap) but not committed: not visible, not told Kafka.
    await().atMost(Duration.ofSeconds(10)).until(() -> ingest.bufferedEvents() == 0);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> count("raw_events") == 0);
    assertThat(handler.committable(TP, 100).offset()).isZero();
    handle(handler, events, 100, 200);
    await().atMost(Duration.ofSeconds(10)).until(() -> count("raw_events") == 200);
    assertThat(count("kpi_windows")).isEqualTo(200);
    // The writer learns its commit's positions just after the rows become visible.
    await().atMost(Duration.ofSeconds(5)).until(() -> handler.committable(TP, 200).offset()
        == 200);
    assertThat(sink.times().summary()).contains("(2 batches in 1 transactions)");
    handle(handler, events, 200, 300);
    await().atMost(Duration.ofSeconds(10)).until(() -> ingest.bufferedEvents() == 0);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> count("raw_events") == 200);
    // Closing commits what the open transaction holds.
    handler.close();
    assertThat(count("raw_events")).isEqualTo(300);
    assertThat(new EventSink(database, "tx").storedOffsets(List.of(TP)))
        .containsEntry(TP, 300L);
  }

  @Test
  void commitsOnceTheTransactionHasBeenOpenItsInterval() throws Exception {
    IngestHandler handler = handler(new IngestSettings(100, 300, Duration.ofHours(1),
        Duration.ofSeconds(1)).withCommit(1_000_000, Duration.ofMillis(300)));
    List<Envelope> events = ExactlyOnceContract.events("S1", T0, 100);
    handle(handler, events, 0, 100);
    await().atMost(Duration.ofSeconds(10)).until(() -> count("raw_events") == 100);
    await().atMost(Duration.ofSeconds(5)).until(() -> handler.committable(TP, 100).offset()
        == 100);
    handler.close();
    assertThat(count("raw_events")).isEqualTo(100);
  }

  @Test
  void commitsOnceTheInputPausesWithoutWaitingForItsBoundOrInterval() throws Exception {
    // ADR-072: a bound of a million events and an hour, but nothing more arrives for 300 ms.
    IngestHandler handler = handler(new IngestSettings(100, 300, Duration.ofHours(1),
        Duration.ofSeconds(1)).withCommit(1_000_000, Duration.ofHours(1),
            Duration.ofMillis(300)));
    List<Envelope> events = ExactlyOnceContract.events("S1", T0, 200);
    handle(handler, events, 0, 100);
    await().atMost(Duration.ofSeconds(10)).until(() -> count("raw_events") == 100);
    await().atMost(Duration.ofSeconds(5)).until(() -> handler.committable(TP, 100).offset()
        == 100);
    assertThat(sink.times().summary()).contains("(1 batches in 1 transactions)");
    // The next input opens the next transaction, committed as soon as it pauses too.
    handle(handler, events, 100, 200);
    await().atMost(Duration.ofSeconds(10)).until(() -> count("raw_events") == 200);
    await().atMost(Duration.ofSeconds(5)).until(() -> handler.committable(TP, 200).offset()
        == 200);
    assertThat(sink.times().summary()).contains("(2 batches in 2 transactions)");
    handler.close();
    assertThat(new EventSink(database, "tx").storedOffsets(List.of(TP)))
        .containsEntry(TP, 200L);
  }

  EventSink sink;

  IngestHandler handler(IngestSettings settings) {
    sink = new EventSink(database, "tx");
    IngestHandler handler = new IngestHandler(new Projector(), sink, settings,
        (source, detail) -> {
          throw new IllegalStateException(detail);
        }, metrics.forService("analytics"), ingest);
    handler.storedOffsets(List.of(TP));
    return handler;
  }

  static void handle(IngestHandler handler, List<Envelope> events, int from, int to) {
    for (int i = from; i < to; i++) {
      handler.handle(events.get(i), ExactlyOnceContract.record(events.get(i), i));
    }
  }

  long count(String table) throws Exception {
    try (Connection c = database.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
