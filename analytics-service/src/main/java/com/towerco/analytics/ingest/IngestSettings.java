package com.towerco.analytics.ingest;

import java.time.Duration;

/**
 * How the sink batches: it writes when {@code batchEvents} events are buffered or the oldest
 * has waited {@code flushInterval}; it pauses consumption at {@code maxBufferedEvents}, and
 * while the database is failing, as soon as a full batch is waiting.
 */
public record IngestSettings(int batchEvents, int maxBufferedEvents, Duration flushInterval,
    Duration maxRetryBackoff) {
  public IngestSettings {
    if (batchEvents < 1 || maxBufferedEvents < batchEvents) {
      throw new IllegalArgumentException("need 1 <= batch size <= max buffered events");
    }
  }

  public static IngestSettings defaults() {
    return new IngestSettings(5_000, 20_000, Duration.ofMillis(500), Duration.ofSeconds(5));
  }
}
