package com.towerco.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.analytics.ingest.IngestSettings;
import com.towerco.platform.runtime.ConsumerService;
import java.time.Duration;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once ingestion into real PostgreSQL, including an outage of the database in the
 * middle of ingestion: consumption pauses with bounded memory, nothing is lost or duplicated,
 * and the sink catches up when the database returns.
 */
class PostgresIngestionIT extends IngestionContract {
  private TestDatabases.Postgres postgres;

  @Override
  TestDatabases databases() {
    postgres = TestDatabases.postgres();
    return postgres;
  }

  @Test
  void pausesWhileTheDatabaseIsDownAndCatchesUpWhenItReturns() throws Exception {
    IngestSettings small = new IngestSettings(100, 300, Duration.ofMillis(100),
        Duration.ofSeconds(1));
    try (ConsumerService service = service("analytics-outage", small,
        UnaryOperator.identity())) {
      service.start();
      send(0, 300);
      await().atMost(Duration.ofSeconds(60)).until(() -> count("raw_events") == 300);

      postgres.goDown();
      send(300, 6_000);
      await().atMost(Duration.ofSeconds(60)).until(() -> metrics.failures() > 0
          && metrics.bufferedEvents() >= small.batchEvents());
      long held = metrics.bufferedEvents();
      // Paused: it holds at most a full buffer plus one poll, not everything the topic has.
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
          .until(() -> metrics.bufferedEvents() == held);
      assertThat(held).isLessThanOrEqualTo(small.maxBufferedEvents() + 2_000L)
          .isLessThan(6_000);

      postgres.comeBack();
      await().atMost(Duration.ofSeconds(90)).until(() -> count("raw_events") == 6_300);
      assertThat(count("kpi_windows")).isEqualTo(6_300);
      assertThat(metrics.bufferedEvents()).isZero();
    }
  }

  @Test
  void readsAgainWhatATransactionRolledBackAfterItsBatchesLeftTheHeap() throws Exception {
    // One transaction for everything (until the service closes): the outage rolls back
    // batches already appended and let go, which the consumer then reads again.
    IngestSettings settings = new IngestSettings(100, 300, Duration.ofMillis(100),
        Duration.ofSeconds(1)).withCommit(1_000_000, Duration.ofHours(1));
    String name = "analytics-rollback";
    try (ConsumerService service = service(name, settings, UnaryOperator.identity())) {
      service.start();
      send(0, 300);
      await().atMost(Duration.ofSeconds(60)).until(() ->
          context.metrics().forService(name).totalIn() == 300 && metrics.bufferedEvents() == 0);
      assertThat(count("raw_events")).isZero();
      long rereads = context.metrics().forService(name).totalRereads();

      postgres.goDown();
      send(300, 300);
      await().atMost(Duration.ofSeconds(60)).until(() ->
          context.metrics().forService(name).totalRereads() > rereads);
      postgres.comeBack();
      // Read again from where the database stands (nothing of it committed): all 600.
      await().atMost(Duration.ofSeconds(90)).until(() ->
          context.metrics().forService(name).totalIn() >= 900 && metrics.bufferedEvents() == 0);
    }
    assertThat(count("raw_events")).isEqualTo(600);
    assertThat(count("kpi_windows")).isEqualTo(600);
    assertThat(storedToTheEnd()).isTrue();
  }
}
