package com.towerco.platform.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remembers the event ids seen within a horizon of event time, so an event delivered twice
 * (same {@code event_id}) is counted once. Ids are kept as 64-bit hashes in buckets of event
 * time; whole buckets are dropped once the newest event time has moved past the horizon, so
 * memory is bounded by the event rate times the horizon. Not thread-safe: one per consumer.
 */
public final class Deduplicator {
  private final long horizonMillis;
  private final long bucketMillis;
  private final TreeMap<Long, IdSet> buckets = new TreeMap<>();
  private long newest = Long.MIN_VALUE;

  public Deduplicator(Duration horizon) {
    this.horizonMillis = horizon.toMillis();
    this.bucketMillis = Math.max(1_000, horizonMillis / 16);
  }

  /**
   * True the first time an id is offered within the horizon; false for a repeat. An event
   * older than the horizon cannot be checked and counts as first seen; callers drop such late
   * events on their own terms.
   */
  public boolean firstSeen(String eventId, Instant eventTime) {
    long time = eventTime.toEpochMilli();
    long hash = IdSet.hash(eventId);
    for (IdSet bucket : buckets.values()) {
      if (bucket.containsHash(hash)) {
        return false;
      }
    }
    long bucketStart = Math.floorDiv(time, bucketMillis) * bucketMillis;
    if (newest != Long.MIN_VALUE && bucketStart < newest - horizonMillis) {
      return true;
    }
    buckets.computeIfAbsent(bucketStart, b -> new IdSet()).addHash(hash);
    if (time > newest) {
      newest = time;
      evict();
    }
    return true;
  }

  /** Ids currently remembered. */
  public int size() {
    int size = 0;
    for (IdSet bucket : buckets.values()) {
      size += bucket.size();
    }
    return size;
  }

  private void evict() {
    long oldest = newest - horizonMillis - bucketMillis;
    Iterator<Map.Entry<Long, IdSet>> it = buckets.entrySet().iterator();
    while (it.hasNext() && it.next().getKey() < oldest) {
      it.remove();
    }
  }
}
