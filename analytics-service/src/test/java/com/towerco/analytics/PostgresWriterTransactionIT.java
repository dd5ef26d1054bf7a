package com.towerco.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.analytics.ingest.IngestHandler;
import com.towerco.analytics.ingest.IngestSettings;
import com.towerco.events.Envelope;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The writer's transaction spanning batches on real PostgreSQL, and the bound on what waits on
 * the heap while the database is away: the batch handed over and held for a retry counts, not
 * only the one filling.
 */
class PostgresWriterTransactionIT extends WriterTransactionContract {
  private TestDatabases.Postgres postgres;

  @Override
  TestDatabases databases() {
    postgres = TestDatabases.postgres();
    return postgres;
  }

  @Test
  void holdsNoMoreThanTheBoundOnTheHeapWhileTheDatabaseIsAway() throws Exception {
    IngestSettings settings = new IngestSettings(100, 150, Duration.ofHours(1),
        Duration.ofSeconds(1));
    IngestHandler handler = handler(settings);
    List<Envelope> events = ExactlyOnceContract.events("S1", T0, 1_000);
    postgres.goDown();
    // As the runtime does: handle until the handler asks to pause, then check again later.
    int handled = 0;
    for (int round = 0; round < 20; round++) {
      while (!handler.backpressured() && handled < events.size()) {
        handle(handler, events, handled, handled + 1);
        handled++;
      }
      assertThat(ingest.bufferedEvents()).isLessThanOrEqualTo(settings.maxBufferedEvents());
      Thread.sleep(50);
    }
    assertThat(handled).isLessThan(events.size());
    postgres.comeBack();
    while (handled < events.size()) {
      if (!handler.backpressured()) {
        handle(handler, events, handled, handled + 1);
        handled++;
      } else {
        Thread.sleep(10);
      }
      assertThat(ingest.bufferedEvents()).isLessThanOrEqualTo(settings.maxBufferedEvents());
    }
    handler.close();
    assertThat(count("raw_events")).isEqualTo(1_000);
    await().atMost(Duration.ofSeconds(1)).until(() -> ingest.bufferedEvents() == 0);
  }
}
