package com.towerco.analytics.ingest;

import java.time.Duration;

/**
 * How the sink batches: when its writer is free, it hands over what is buffered once that is
 * {@code batchEvents} events or the oldest has waited {@code flushInterval} (while the writer
 * is busy the next batch keeps growing, so batches grow with the load); it pauses consumption
 * at {@code maxBufferedEvents} waiting, and while the database is failing as soon as a full
 * batch is waiting. The event-id window remembers at most {@code dedupMaxIds} ids over
 * {@code dedupHorizon} of event time.
 */
public record IngestSettings(int batchEvents, int maxBufferedEvents, Duration flushInterval,
    Duration maxRetryBackoff, Duration dedupHorizon, int dedupMaxIds) {
  public IngestSettings {
    if (batchEvents < 1 || maxBufferedEvents < batchEvents) {
      throw new IllegalArgumentException("need 1 <= batch size <= max buffered events");
    }
  }

  public IngestSettings(int batchEvents, int maxBufferedEvents, Duration flushInterval,
      Duration maxRetryBackoff) {
    this(batchEvents, maxBufferedEvents, flushInterval, maxRetryBackoff,
        DEFAULT_DEDUP_HORIZON, DEFAULT_DEDUP_MAX_IDS);
  }

  public static final Duration DEFAULT_DEDUP_HORIZON = Duration.ofMinutes(10);
  public static final int DEFAULT_DEDUP_MAX_IDS = 1_000_000;

  public static IngestSettings defaults() {
    return new IngestSettings(10_000, 50_000, Duration.ofMillis(500), Duration.ofSeconds(5));
  }
}
