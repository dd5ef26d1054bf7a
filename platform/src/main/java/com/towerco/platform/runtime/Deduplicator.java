package com.towerco.platform.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remembers the event ids seen within a horizon of event time, so an event delivered twice
 * (same {@code event_id}) is counted once. Ids are kept as 64-bit hashes in one set, each also
 * listed under its bucket of event time; whole buckets are forgotten once the newest event time
 * has moved past the horizon, so memory is bounded by the event rate times the horizon. One
 * lookup per event, whatever the number of buckets (ADR-043: a set per bucket cost a lookup in
 * each of them, ~17 for a 10-minute horizon). Not thread-safe: one per consumer.
 */
public final class Deduplicator {
  private final long horizonMillis;
  private final long bucketMillis;
  /** Every id remembered, of whichever bucket. */
  private final IdSet remembered = new IdSet();
  /** The ids of each bucket of event time, by the bucket's start, to forget together. */
  private final TreeMap<Long, Hashes> buckets = new TreeMap<>();
  private long newest = Long.MIN_VALUE;
  /** The bucket the last id went to, which the next one is most likely to go to too. */
  private long lastStart = Long.MIN_VALUE;
  private Hashes last;

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
    if (remembered.containsHash(hash)) {
      return false;
    }
    long bucketStart = Math.floorDiv(time, bucketMillis) * bucketMillis;
    if (newest != Long.MIN_VALUE && bucketStart < newest - horizonMillis) {
      return true;
    }
    remembered.addHash(hash);
    if (bucketStart != lastStart || last == null) {
      last = buckets.computeIfAbsent(bucketStart, b -> new Hashes());
      lastStart = bucketStart;
    }
    last.add(hash);
    if (time > newest) {
      newest = time;
      evict();
    }
    return true;
  }

  /** Ids currently remembered. */
  public int size() {
    return remembered.size();
  }

  private void evict() {
    long oldest = newest - horizonMillis - bucketMillis;
    Iterator<Map.Entry<Long, Hashes>> it = buckets.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, Hashes> bucket = it.next();
      if (bucket.getKey() >= oldest) {
        return;
      }
      bucket.getValue().removeFrom(remembered);
      if (bucket.getValue() == last) {
        last = null;
      }
      it.remove();
    }
  }

  /** The hashes of one bucket, in the order they came. */
  private static final class Hashes {
    private long[] hashes = new long[64];
    private int size;

    void add(long hash) {
      if (size == hashes.length) {
        hashes = java.util.Arrays.copyOf(hashes, size * 2);
      }
      hashes[size++] = hash;
    }

    void removeFrom(IdSet set) {
      for (int i = 0; i < size; i++) {
        set.removeHash(hashes[i]);
      }
    }
  }
}
