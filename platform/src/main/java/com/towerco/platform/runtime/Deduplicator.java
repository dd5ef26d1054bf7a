package com.towerco.platform.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers the event ids seen within a horizon of event time, so an event delivered twice
 * (same {@code event_id}) is counted once. Ids are kept as 64-bit hashes in one set, each also
 * listed under its bucket of event time ({@link EventTimeBuckets}); whole buckets are forgotten
 * once the newest event time has moved past the horizon, so memory is bounded by the event rate
 * times the horizon. One lookup per event, whatever the number of buckets (ADR-043: a set per
 * bucket cost a lookup in each of them, ~17 for a 10-minute horizon). Not thread-safe: one per
 * consumer.
 */
public final class Deduplicator {
  private final long horizonMillis;
  /** Every id remembered, of whichever bucket. */
  private final IdSet remembered = new IdSet();
  /** The ids of each bucket of event time, to forget together. */
  private final EventTimeBuckets buckets;
  private long newest = Long.MIN_VALUE;

  public Deduplicator(Duration horizon) {
    this.horizonMillis = horizon.toMillis();
    this.buckets = new EventTimeBuckets(remembered, Math.max(1_000, horizonMillis / 16));
  }

  /**
   * True the first time an id is offered within the horizon; false for a repeat. An event
   * older than the horizon cannot be checked and counts as first seen; callers drop such late
   * events on their own terms.
   */
  public boolean firstSeen(String eventId, Instant eventTime) {
    long time = eventTime.toEpochMilli();
    long hash = IdSet.hash(eventId);
    if (newest != Long.MIN_VALUE && buckets.startOf(time) < newest - horizonMillis) {
      return !remembered.containsHash(hash);
    }
    // One probe of the set for the usual event (ADR-059): adding it fails if it is a repeat.
    if (!buckets.add(hash, time)) {
      return false;
    }
    if (time > newest) {
      newest = time;
      // A bucket is kept while it ends at or after the horizon's start (one millisecond more
      // than the horizon), as since ADR-043.
      buckets.forgetBefore(newest - horizonMillis - 1);
    }
    return true;
  }

  /** Ids currently remembered. */
  public int size() {
    return remembered.size();
  }
}
