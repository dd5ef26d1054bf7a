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
  private final TreeMap<Long, LongSet> buckets = new TreeMap<>();
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
    long hash = hash(eventId);
    for (LongSet bucket : buckets.values()) {
      if (bucket.contains(hash)) {
        return false;
      }
    }
    long bucketStart = Math.floorDiv(time, bucketMillis) * bucketMillis;
    if (newest != Long.MIN_VALUE && bucketStart < newest - horizonMillis) {
      return true;
    }
    buckets.computeIfAbsent(bucketStart, b -> new LongSet()).add(hash);
    if (time > newest) {
      newest = time;
      evict();
    }
    return true;
  }

  /** Ids currently remembered. */
  public int size() {
    int size = 0;
    for (LongSet bucket : buckets.values()) {
      size += bucket.size();
    }
    return size;
  }

  private void evict() {
    long oldest = newest - horizonMillis - bucketMillis;
    Iterator<Map.Entry<Long, LongSet>> it = buckets.entrySet().iterator();
    while (it.hasNext() && it.next().getKey() < oldest) {
      it.remove();
    }
  }

  /** 64-bit FNV-1a over the id's characters, finished with a murmur mix. */
  static long hash(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  /** An open-addressing set of non-zero longs. */
  private static final class LongSet {
    private long[] slots = new long[64];
    private int size;

    boolean contains(long value) {
      int mask = slots.length - 1;
      for (int i = (int) (value ^ (value >>> 32)) & mask; ; i = (i + 1) & mask) {
        if (slots[i] == 0) {
          return false;
        }
        if (slots[i] == value) {
          return true;
        }
      }
    }

    void add(long value) {
      if ((size + 1) * 2 > slots.length) {
        grow();
      }
      int mask = slots.length - 1;
      for (int i = (int) (value ^ (value >>> 32)) & mask; ; i = (i + 1) & mask) {
        if (slots[i] == 0) {
          slots[i] = value;
          size++;
          return;
        }
        if (slots[i] == value) {
          return;
        }
      }
    }

    int size() {
      return size;
    }

    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      size = 0;
      for (long v : old) {
        if (v != 0) {
          add(v);
        }
      }
    }
  }
}
