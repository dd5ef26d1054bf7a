package com.towerco.analytics.domain;

import com.towerco.platform.runtime.IdSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event ids the store holds for recent event time, kept in memory so the sink can append
 * raw events without asking the database whether each one is new. It covers every event time
 * from {@link #floor()} on: an id offered with a time at or after the floor is answered
 * {@link Verdict#NEW} or {@link Verdict#DUPLICATE} (ids are kept as the platform's 64-bit id
 * hashes, {@link IdSet}, as every other duplicate check does: two ids share one with
 * probability about n / 2^64); an older one is {@link Verdict#UNKNOWN} and the caller checks
 * the store. Memory is bounded twice: buckets of event time older than the
 * horizon behind the newest time are dropped, and so are the oldest buckets once more than
 * {@code maxIds} ids are held; either raises the floor. Not thread-safe: one per consumer.
 */
public final class EventIdWindow {
  /** What the window knows about an offered id. */
  public enum Verdict { NEW, DUPLICATE, UNKNOWN }

  private static final int BUCKETS_PER_HORIZON = 8;

  private final long horizonMillis;
  private final long bucketMillis;
  private final int maxIds;
  private final TreeMap<Long, IdSet> buckets = new TreeMap<>();
  private long floor;
  private long newest = Long.MIN_VALUE;
  private int size;

  /** A window that knows nothing before {@code floor} (the newest event time already stored). */
  public EventIdWindow(Duration horizon, int maxIds, Instant floor) {
    if (horizon.isNegative() || horizon.isZero() || maxIds < 1) {
      throw new IllegalArgumentException("need a positive horizon and id bound");
    }
    this.horizonMillis = horizon.toMillis();
    this.bucketMillis = Math.max(1, horizonMillis / BUCKETS_PER_HORIZON);
    this.maxIds = maxIds;
    this.floor = floor.toEpochMilli();
  }

  /** Records an id as stored (or about to be) and says whether it was already. */
  public Verdict offer(String eventId, Instant eventTime) {
    long time = eventTime.toEpochMilli();
    if (time < floor) {
      return Verdict.UNKNOWN;
    }
    long key = IdSet.hash(eventId);
    for (IdSet bucket : buckets.values()) {
      if (bucket.containsHash(key)) {
        return Verdict.DUPLICATE;
      }
    }
    long start = Math.floorDiv(time, bucketMillis) * bucketMillis;
    buckets.computeIfAbsent(start, b -> new IdSet()).addHash(key);
    size++;
    if (time > newest) {
      newest = time;
    }
    evict();
    return Verdict.NEW;
  }

  /**
   * Forgets an id offered earlier whose event was not stored after all (its partition went to
   * another consumer before the write), so reading it again counts it as new.
   */
  public void forget(String eventId, Instant eventTime) {
    long time = eventTime.toEpochMilli();
    if (time < floor) {
      return;
    }
    IdSet bucket = buckets.get(Math.floorDiv(time, bucketMillis) * bucketMillis);
    if (bucket != null && bucket.removeHash(IdSet.hash(eventId))) {
      size--;
    }
  }

  /** Event times before this are not covered: offers answer UNKNOWN. */
  public Instant floor() {
    return Instant.ofEpochMilli(floor);
  }

  /** Ids held. */
  public int size() {
    return size;
  }

  private void evict() {
    Iterator<Map.Entry<Long, IdSet>> it = buckets.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, IdSet> oldest = it.next();
      boolean tooOld = oldest.getKey() + bucketMillis <= newest - horizonMillis;
      if (!tooOld && size <= maxIds) {
        return;
      }
      it.remove();
      size -= oldest.getValue().size();
      floor = Math.max(floor, oldest.getKey() + bucketMillis);
    }
  }
}
