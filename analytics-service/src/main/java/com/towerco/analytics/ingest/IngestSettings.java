package com.towerco.analytics.ingest;

import java.time.Duration;

/**
 * How the sink batches: when its writer is free, it hands over what is buffered once that is
 * {@code batchEvents} events or the oldest has waited {@code flushInterval} (while the writer
 * is busy the next batch keeps growing, so batches grow with the load) and appends it to its
 * open transaction, which it commits once that holds {@code commitEvents} events or has been
 * open {@code commitInterval} (ADR-061), or, everything handled being appended, once no event
 * has arrived for {@code commitIdle} (the input paused: zero never; ADR-072); it pauses
 * consumption at {@code maxBufferedEvents}
 * waiting (the batch filling and the one handed over), and while the database is failing as
 * soon as a full batch is waiting. The event-id window remembers at most {@code dedupMaxIds}
 * ids over {@code dedupHorizon} of event time.
 */
public record IngestSettings(int batchEvents, int maxBufferedEvents, Duration flushInterval,
    Duration maxRetryBackoff, Duration dedupHorizon, int dedupMaxIds, int commitEvents,
    Duration commitInterval, Duration commitIdle) {
  public IngestSettings {
    if (batchEvents < 1 || maxBufferedEvents < batchEvents) {
      throw new IllegalArgumentException("need 1 <= batch size <= max buffered events");
    }
    if (commitEvents < 1 || commitInterval.isNegative() || commitIdle.isNegative()) {
      throw new IllegalArgumentException("need commit events >= 1 and commit times >= 0");
    }
  }

  public IngestSettings(int batchEvents, int maxBufferedEvents, Duration flushInterval,
      Duration maxRetryBackoff, Duration dedupHorizon, int dedupMaxIds) {
    this(batchEvents, maxBufferedEvents, flushInterval, maxRetryBackoff, dedupHorizon,
        dedupMaxIds, DEFAULT_COMMIT_EVENTS, DEFAULT_COMMIT_INTERVAL, DEFAULT_COMMIT_IDLE);
  }

  public IngestSettings(int batchEvents, int maxBufferedEvents, Duration flushInterval,
      Duration maxRetryBackoff) {
    this(batchEvents, maxBufferedEvents, flushInterval, maxRetryBackoff,
        DEFAULT_DEDUP_HORIZON, DEFAULT_DEDUP_MAX_IDS);
  }

  public static final Duration DEFAULT_DEDUP_HORIZON = Duration.ofMinutes(10);
  public static final int DEFAULT_DEDUP_MAX_IDS = 1_000_000;
  /** DuckDB's row group: a transaction that holds one writes it without the log. */
  public static final int DEFAULT_COMMIT_EVENTS = 122_880;
  /**
   * Under load a transaction is bounded by the row group, not by this (ADR-072: ~4.5 s of the
   * bench's input; a 1 s bound committed four times as often, each commit logging every row).
   */
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(5);
  /**
   * The input paused this long: commit what the transaction holds at once (ADR-072). Longer than
   * a consumer held back by the bound takes to resume (its paused poll waits 200 ms).
   */
  public static final Duration DEFAULT_COMMIT_IDLE = Duration.ofMillis(500);

  /**
   * These settings with the transaction committed at {@code events} or {@code interval} only
   * (never because the input paused).
   */
  public IngestSettings withCommit(int events, Duration interval) {
    return withCommit(events, interval, Duration.ZERO);
  }

  /** These settings with the transaction committed at {@code events}, {@code interval} or
   * {@code idle} (zero: never for want of input). */
  public IngestSettings withCommit(int events, Duration interval, Duration idle) {
    return new IngestSettings(batchEvents, maxBufferedEvents, flushInterval, maxRetryBackoff,
        dedupHorizon, dedupMaxIds, events, interval, idle);
  }

  public static IngestSettings defaults() {
    return new IngestSettings(10_000, 50_000, Duration.ofMillis(500), Duration.ofSeconds(5));
  }
}
