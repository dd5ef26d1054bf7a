package com.towerco.platform.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * How far ahead of a service's clock a record may be stamped and still be processed (ADR-057).
 * A Streams service forwards records with their event time as the Kafka timestamp; the broker
 * refuses timestamps more than {@code message.timestamp.after.max.ms} (one hour by default)
 * ahead of its clock, and a refused send fails the stream thread, again on every retry. So a
 * record stamped further ahead than {@link #ALLOWED} goes to the dead-letter topic
 * ({@code FUTURE_TIMESTAMP}) instead. The ingest gateway's own limit
 * ({@code ingest.max-future-skew}, 5 minutes) is tighter, so nothing it admits is refused here;
 * this guards against everything else that can write to a topic (replays, tools, producers).
 */
public final class FutureSkew {
  /**
   * Inside the broker's hour (an output keeps its input's event time, a KPI window's end at most
   * 5 minutes more), looser than the gateway's five minutes, and above what the simulator's paced
   * runs reach: at speed 10 event time runs 9 s ahead per second, ~42 minutes after the 10-round
   * fault run's 280 s (ADR-057).
   */
  public static final Duration ALLOWED = Duration.ofMinutes(50);

  private static final long ALLOWED_MILLIS = ALLOWED.toMillis();

  private FutureSkew() {}

  /** True if {@code stampedMillis} is too far ahead of {@code nowMillis} (see {@link #beyond}). */
  public static boolean isBeyond(long stampedMillis, long nowMillis) {
    return stampedMillis - nowMillis > ALLOWED_MILLIS;
  }

  /** Why {@code stamped} is too far ahead of {@code nowMillis}, or null if it is not. */
  public static String beyond(String what, Instant stamped, long nowMillis) {
    if (stamped == null) {
      return null;
    }
    long ahead = stamped.toEpochMilli() - nowMillis;
    return ahead > ALLOWED_MILLIS
        ? what + " " + stamped + " is " + Duration.ofMillis(ahead) + " ahead of the clock "
            + Instant.ofEpochMilli(nowMillis) + " (allowed " + ALLOWED + ")"
        : null;
  }
}
