package com.towerco.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event ids the store holds for recent event time, kept in memory so the sink can append
 * raw events without asking the database whether each one is new. It covers every event time
 * from {@link #floor()} on: an id offered with a time at or after the floor is answered
 * {@link Verdict#NEW} or {@link Verdict#DUPLICATE} exactly (ids are kept as 128 bits: a UUID's
 * own bits, or a 128-bit hash of any other id); an older one is {@link Verdict#UNKNOWN} and the
 * caller checks the store. Memory is bounded twice: buckets of event time older than the
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
    long[] key = key(eventId);
    for (IdSet bucket : buckets.values()) {
      if (bucket.contains(key[0], key[1])) {
        return Verdict.DUPLICATE;
      }
    }
    long start = Math.floorDiv(time, bucketMillis) * bucketMillis;
    buckets.computeIfAbsent(start, b -> new IdSet()).add(key[0], key[1]);
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
    long[] key = key(eventId);
    if (bucket != null && bucket.remove(key[0], key[1])) {
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

  /** 128 bits: a canonical (lower-case) UUID's own, any other id's hash. */
  static long[] key(String id) {
    if (id.length() == 36) {
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < 36; i++) {
        char c = id.charAt(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
          if (c != '-') {
            return hashed(id);
          }
          continue;
        }
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0) {
          return hashed(id);
        }
        if (i < 18) {
          hi = hi << 4 | digit;
        } else {
          lo = lo << 4 | digit;
        }
      }
      return new long[] {hi, lo};
    }
    return hashed(id);
  }

  private static long[] hashed(String id) {
    return new long[] {hash(id, 0x9E3779B97F4A7C15L), hash(id, 0xC2B2AE3D27D4EB4FL)};
  }

  /** 64-bit FNV-1a with a seed, finished with a murmur mix. */
  private static long hash(String id, long seed) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ h >>> 33;
  }

  /** An open-addressing set of 128-bit values (linear probing, deletion by backward shift). */
  private static final class IdSet {
    private long[] slots = new long[2 * 64];
    private boolean[] used = new boolean[64];
    private int size;

    boolean contains(long hi, long lo) {
      int mask = used.length - 1;
      for (int i = index(hi, lo, mask); used[i]; i = (i + 1) & mask) {
        if (slots[2 * i] == hi && slots[2 * i + 1] == lo) {
          return true;
        }
      }
      return false;
    }

    void add(long hi, long lo) {
      if ((size + 1) * 2 > used.length) {
        grow();
      }
      int mask = used.length - 1;
      int i = index(hi, lo, mask);
      while (used[i]) {
        if (slots[2 * i] == hi && slots[2 * i + 1] == lo) {
          return;
        }
        i = (i + 1) & mask;
      }
      used[i] = true;
      slots[2 * i] = hi;
      slots[2 * i + 1] = lo;
      size++;
    }

    boolean remove(long hi, long lo) {
      int mask = used.length - 1;
      int i = index(hi, lo, mask);
      while (used[i] && !(slots[2 * i] == hi && slots[2 * i + 1] == lo)) {
        i = (i + 1) & mask;
      }
      if (!used[i]) {
        return false;
      }
      // Backward shift: move later entries of the probe run into the gap.
      int gap = i;
      for (int j = (gap + 1) & mask; used[j]; j = (j + 1) & mask) {
        int home = index(slots[2 * j], slots[2 * j + 1], mask);
        if (((j - home) & mask) >= ((j - gap) & mask)) {
          slots[2 * gap] = slots[2 * j];
          slots[2 * gap + 1] = slots[2 * j + 1];
          gap = j;
        }
      }
      used[gap] = false;
      size--;
      return true;
    }

    int size() {
      return size;
    }

    private static int index(long hi, long lo, int mask) {
      long h = (hi ^ lo) * 0x9E3779B97F4A7C15L;
      return (int) (h ^ h >>> 32) & mask;
    }

    private void grow() {
      long[] oldSlots = slots;
      boolean[] oldUsed = used;
      slots = new long[oldSlots.length * 2];
      used = new boolean[oldUsed.length * 2];
      size = 0;
      for (int i = 0; i < oldUsed.length; i++) {
        if (oldUsed[i]) {
          add(oldSlots[2 * i], oldSlots[2 * i + 1]);
        }
      }
    }
  }
}
