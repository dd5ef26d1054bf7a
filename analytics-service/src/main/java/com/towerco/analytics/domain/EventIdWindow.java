package com.towerco.analytics.domain;

import com.towerco.platform.runtime.IdSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * <p>Memory is bounded twice: a partition's buckets of event time older than the horizon
 * behind its newest time are dropped, and once more than {@code maxIds} ids are held the
 * oldest buckets of all partitions go until a tenth of the bound is free; either raises that
 * partition's floor. Not thread-safe: one per consumer.
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
      partitions.put(partition, new Partition(from));
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
      for (Bucket b : p.buckets.values()) {
        b.removeFrom(ids);
      }
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
    ids.addHash(key);
    p.bucketOf(time).add(key);
    if (time > p.newest) {
      p.newest = time;
      p.dropOlderThan(time - horizonMillis);
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
    List<Map.Entry<Partition, Bucket>> all = new ArrayList<>();
    for (Partition p : partitions.values()) {
      for (Bucket b : p.buckets.values()) {
        all.add(Map.entry(p, b));
      }
    }
    all.sort(Comparator.comparingLong(e -> e.getValue().start));
    int target = maxIds - Math.max(1, maxIds / 10);
    for (Map.Entry<Partition, Bucket> e : all) {
      if (ids.size() <= target) {
        return;
      }
      e.getKey().drop(e.getValue());
    }
  }

  /** One partition: its floor, newest time, and its ids by bucket of event time. */
  private final class Partition {
    final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    long floor;
    long newest = Long.MIN_VALUE;
    Bucket last;

    Partition(long floor) {
      this.floor = floor;
    }

    Bucket bucketOf(long time) {
      if (last != null && time >= last.start && time - last.start < bucketMillis) {
        return last;
      }
      long start = Math.floorDiv(time, bucketMillis) * bucketMillis;
      last = buckets.computeIfAbsent(start, Bucket::new);
      return last;
    }

    void dropOlderThan(long horizonStart) {
      Iterator<Bucket> it = buckets.values().iterator();
      while (it.hasNext()) {
        Bucket oldest = it.next();
        if (oldest.start + bucketMillis > horizonStart) {
          return;
        }
        it.remove();
        forget(oldest);
      }
    }

    void drop(Bucket bucket) {
      if (buckets.remove(bucket.start) != null) {
        forget(bucket);
      }
    }

    private void forget(Bucket bucket) {
      bucket.removeFrom(ids);
      floor = Math.max(floor, bucket.start + bucketMillis);
      if (last == bucket) {
        last = null;
      }
    }
  }

  /** The id hashes a partition added in one slice of event time (each is in {@link #ids}). */
  private static final class Bucket {
    final long start;
    long[] hashes = new long[16];
    int count;

    Bucket(long start) {
      this.start = start;
    }

    void add(long hash) {
      if (count == hashes.length) {
        hashes = java.util.Arrays.copyOf(hashes, count * 2);
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
