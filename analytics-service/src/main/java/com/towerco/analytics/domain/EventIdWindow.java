package com.towerco.analytics.domain;

import com.towerco.platform.runtime.EventTimeBuckets;
import com.towerco.platform.runtime.IdSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The event ids the store holds for recent event time, kept in memory so the sink can append
 * raw events without asking the database whether each one is new. It keeps a horizon per
 * partition {@code P}, in that partition's own event time: a partition read far behind the
 * others in event time (the consumer reads partitions in turn, one fetch of a partition can
 * span many minutes of it) is covered as well as the newest one.
 *
 * <p>A partition is {@link #open opened} with a floor (the event time just after the newest
 * the store holds from it); from then on an id offered in that partition with a time at or
 * after its floor is answered {@link Verdict#NEW} or {@link Verdict#DUPLICATE}; an older one,
 * or one in a partition not opened, is {@link Verdict#UNKNOWN} and the caller checks the store.
 * Ids are looked up across every open partition in one set of the platform's 64-bit id hashes
 * ({@link IdSet}, as every other duplicate check does: two ids share one with probability
 * about n / 2^64), so a copy that arrives in another partition is caught while the first
 * partition still holds its id; each partition's own copies (records are keyed by site) are
 * caught for the whole of its horizon.
 *
 * <p>Each partition lists its ids by bucket of event time ({@link EventTimeBuckets}, as the
 * platform's {@code Deduplicator} does) over that one set. Memory is bounded twice: a
 * partition's buckets of event time older than the horizon behind its newest time are
 * dropped, and once more than {@code maxIds} ids are held the oldest buckets of all partitions
 * go until a tenth of the bound is free; either raises that partition's floor. Not
 * thread-safe: one per consumer.
 */
public final class EventIdWindow<P> {
  /** What the window knows about an offered id. */
  public enum Verdict { NEW, DUPLICATE, UNKNOWN }

  private static final int BUCKETS_PER_HORIZON = 8;

  private final long horizonMillis;
  private final long bucketMillis;
  private final int maxIds;
  private final IdSet ids = new IdSet();
  private final Map<P, Partition> partitions = new HashMap<>();
  /** The newest time offered in each partition not open yet (answered UNKNOWN). */
  private final Map<P, Long> offeredBeforeOpen = new HashMap<>();

  public EventIdWindow(Duration horizon, int maxIds) {
    if (horizon.isNegative() || horizon.isZero() || maxIds < 1) {
      throw new IllegalArgumentException("need a positive horizon and id bound");
    }
    this.horizonMillis = horizon.toMillis();
    this.bucketMillis = Math.max(1, horizonMillis / BUCKETS_PER_HORIZON);
    this.maxIds = maxIds;
  }

  /** Whether the partition is open (its floor known). */
  public boolean isOpen(P partition) {
    return partitions.containsKey(partition);
  }

  /**
   * Starts covering a partition from {@code floor} on: the store holds none of its events
   * at or after that time. Ids offered in it before it was open may be on their way to the
   * store without being in the window, so it starts after the newest of them as well. A
   * partition already open is left as it is.
   */
  public void open(P partition, Instant floor) {
    if (!partitions.containsKey(partition)) {
      Long offered = offeredBeforeOpen.remove(partition);
      long from = offered == null ? floor.toEpochMilli()
          : Math.max(floor.toEpochMilli(), offered + 1);
      partitions.put(partition, new Partition(new EventTimeBuckets(ids, bucketMillis), from));
    }
  }

  /**
   * Forgets a partition and its ids (it went to another consumer; events of it that were
   * offered and not stored will be read again by whoever owns it next).
   */
  public void close(P partition) {
    offeredBeforeOpen.remove(partition);
    Partition p = partitions.remove(partition);
    if (p != null) {
      p.buckets.forgetAll();
    }
  }

  /** Records an id as stored (or about to be) and says whether it was already. */
  public Verdict offer(P partition, String eventId, Instant eventTime) {
    Partition p = partitions.get(partition);
    long time = eventTime.toEpochMilli();
    if (p == null) {
      offeredBeforeOpen.merge(partition, time, Math::max);
      return Verdict.UNKNOWN;
    }
    if (time < p.floor) {
      return Verdict.UNKNOWN;
    }
    long key = IdSet.hash(eventId);
    if (ids.containsHash(key)) {
      return Verdict.DUPLICATE;
    }
    p.buckets.add(key, time);
    if (time > p.newest) {
      p.newest = time;
      p.raiseFloor(p.buckets.forgetBefore(time - horizonMillis));
    }
    if (ids.size() > maxIds) {
      shrink();
    }
    return Verdict.NEW;
  }

  /** Event times before this are not covered in the partition (null: not open). */
  public Instant floor(P partition) {
    Partition p = partitions.get(partition);
    return p == null ? null : Instant.ofEpochMilli(p.floor);
  }

  /** Ids held, over all partitions. */
  public int size() {
    return ids.size();
  }

  /** Drops the oldest buckets of all partitions until a tenth of the id bound is free. */
  private void shrink() {
    int target = maxIds - Math.max(1, maxIds / 10);
    while (ids.size() > target) {
      // The oldest bucket of all; of two as old, the one of the partition met first.
      Partition oldest = null;
      for (Partition p : partitions.values()) {
        if (!p.buckets.isEmpty()
            && (oldest == null || p.buckets.oldestStart() < oldest.buckets.oldestStart())) {
          oldest = p;
        }
      }
      if (oldest == null) {
        return;
      }
      oldest.raiseFloor(oldest.buckets.forgetOldest());
    }
  }

  /** One partition: its floor, newest time, and its ids by bucket of event time. */
  private static final class Partition {
    final EventTimeBuckets buckets;
    long floor;
    long newest = Long.MIN_VALUE;

    Partition(EventTimeBuckets buckets, long floor) {
      this.buckets = buckets;
      this.floor = floor;
    }

    /** Event times up to {@code forgottenUntil} are no longer covered. */
    void raiseFloor(long forgottenUntil) {
      floor = Math.max(floor, forgottenUntil);
    }
  }
}
