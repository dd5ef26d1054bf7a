package com.towerco.platform.runtime;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * Ids held in an {@link IdSet}, each also listed under its bucket of event time, so that a whole
 * bucket is forgotten at once (its ids removed from the set) when its event time is no longer
 * covered. What the duplicate checks by event time share ({@link Deduplicator}, the analytics
 * sink's window): one lookup in one set per id, however many buckets (ADR-043). Several of
 * these may list into one set (the analytics window keeps one per partition, ADR-047); each id
 * is listed by the one that added it. When to forget (the horizon, late events, an id bound)
 * is the caller's rule. Not thread-safe.
 */
public final class EventTimeBuckets {
  private final IdSet ids;
  private final long bucketMillis;
  /** The ids of each bucket, by the bucket's start. */
  private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
  /** The bucket the last id went to, which the next one is most likely to go to too. */
  private Bucket last;

  /** Lists ids into {@code ids} by buckets of {@code bucketMillis} of event time. */
  public EventTimeBuckets(IdSet ids, long bucketMillis) {
    if (bucketMillis < 1) {
      throw new IllegalArgumentException("need a positive bucket length");
    }
    this.ids = ids;
    this.bucketMillis = bucketMillis;
  }

  /** The start of the bucket an event time (epoch millis) falls in. */
  public long startOf(long time) {
    return Math.floorDiv(time, bucketMillis) * bucketMillis;
  }

  /**
   * Adds an id's {@link IdSet#hash} to the set and lists it under the bucket of {@code time};
   * false (and nothing listed) if the set already held it.
   */
  public boolean add(long hash, long time) {
    if (!ids.addHash(hash)) {
      return false;
    }
    Bucket bucket = last;
    if (bucket == null || time < bucket.start || time - bucket.start >= bucketMillis) {
      bucket = buckets.computeIfAbsent(startOf(time), Bucket::new);
      last = bucket;
    }
    bucket.add(hash);
    return true;
  }

  /**
   * Forgets every bucket all of whose times are before {@code time} (it ends at or before it).
   * Returns the end of the newest bucket forgotten, or {@link Long#MIN_VALUE} if none was.
   */
  public long forgetBefore(long time) {
    long forgottenUntil = Long.MIN_VALUE;
    while (!buckets.isEmpty()) {
      Long oldest = buckets.firstKey();
      if (oldest + bucketMillis > time) {
        break;
      }
      forgottenUntil = forget(oldest);
    }
    return forgottenUntil;
  }

  /** Whether no id is listed. */
  public boolean isEmpty() {
    return buckets.isEmpty();
  }

  /** The start of the oldest bucket; only when not {@link #isEmpty}. */
  public long oldestStart() {
    return buckets.firstKey();
  }

  /** Forgets the oldest bucket (not {@link #isEmpty}); returns its end. */
  public long forgetOldest() {
    return forget(buckets.firstKey());
  }

  /** Forgets every id listed here (the set keeps those listed elsewhere). */
  public void forgetAll() {
    for (Bucket bucket : buckets.values()) {
      bucket.removeFrom(ids);
    }
    buckets.clear();
    last = null;
  }

  private long forget(Long start) {
    Bucket bucket = buckets.remove(start);
    bucket.removeFrom(ids);
    if (bucket == last) {
      last = null;
    }
    return bucket.start + bucketMillis;
  }

  /** The hashes one bucket listed, in the order they came. */
  private static final class Bucket {
    final long start;
    private long[] hashes = new long[16];
    private int count;

    Bucket(long start) {
      this.start = start;
    }

    void add(long hash) {
      if (count == hashes.length) {
        hashes = Arrays.copyOf(hashes, count * 2);
      }
      hashes[count++] = hash;
    }

    void removeFrom(IdSet set) {
      for (int i = 0; i < count; i++) {
        set.removeHash(hashes[i]);
      }
    }
  }
}
