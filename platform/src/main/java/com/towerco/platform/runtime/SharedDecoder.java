package com.towerco.platform.runtime;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.platform.kafka.EventHeaders;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.common.header.Headers;

/**
 * Decodes each consumed record once per process. Several services in one process read the same
 * site events in their own consumer groups; decoding and checking an envelope is most of what a
 * light service spends per event, so the first consumer to reach a record decodes it and the
 * others reuse the (immutable) result. A direct-mapped cache of recent records keyed by topic,
 * partition and offset, guarded by the value's length and a hash of its first bytes; a miss
 * just decodes. Services in separate processes each decode for themselves, as they must.
 *
 * <p>A cached envelope is kept alive until its slot is taken (about {@code slots} misses
 * later), so the collector copies it if a young collection falls in that time, and usually
 * promotes it: about 1 KB per telemetry record, in flight for one to two seconds while the
 * services drain a backlog. Sharing pays only when the readers are close together: at a steady
 * rate they are (four decoding readers within a poll round of each other: ~0.75 of decodes
 * hit), while draining a backlog they drift apart by more than the cache and hardly ever meet
 * (0.07 in the default bench). So one record in {@link #SAMPLE_EVERY} is always cached and
 * tells how often a cached record is asked for again (while only the sample is cached, an entry
 * counts only while it is younger than {@code slots} misses, as if every record were cached and
 * taking its slot). The rest are cached only while that
 * share was at least {@link #WORTH_SHARING} over the last {@link #JUDGED_LOOKUPS} sampled
 * lookups (ADR-060). Results never depend on it: a record not cached is decoded again.
 */
public final class SharedDecoder {
  private static final int FINGERPRINT_BYTES = 64;
  /** One record in this many (by its slot hash) is always cached: the hit-ratio sample. */
  static final int SAMPLE_EVERY = 8;
  /**
   * The sampled hit ratio from which caching every record pays: a hit saves a decode (~4 us),
   * a cached entry costs its copies by the collector (~1 KB, once or twice); well below the
   * steady rate's ~0.75 and well above a drain's ~0.07, so the exact value is not critical.
   */
  static final double WORTH_SHARING = 0.25;
  /** Sampled lookups per judgement of whether sharing pays. */
  static final int JUDGED_LOOKUPS = 4_096;

  private final EventCodec codec;
  private final AtomicReferenceArray<Slot> slots;
  private final int mask;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong sampledLookups = new AtomicLong();
  private final AtomicLong sampledHits = new AtomicLong();
  private volatile boolean sharingAll = true;

  /** {@code born}: the miss count when cached (its age, while only the sample is cached). */
  private record Slot(String topic, int partition, long offset, int length, long fingerprint,
      long born, Envelope event, InvalidEventException invalid) {}

  /** {@code slots} is rounded up to a power of two; 0 disables sharing. */
  public SharedDecoder(EventCodec codec, int slots) {
    this.codec = codec;
    int size = slots <= 0 ? 0 : Integer.highestOneBit(Math.max(1, slots - 1)) << 1;
    this.slots = new AtomicReferenceArray<>(Math.max(size, 1));
    this.mask = size - 1;
  }

  public EventCodec codec() {
    return codec;
  }

  /** The record's envelope, decoded here or by another consumer of this process. */
  public Envelope decode(String topic, int partition, long offset, byte[] value)
      throws InvalidEventException {
    if (mask < 0 || value == null || value.length == 0) {
      return codec.decode(value);
    }
    long fingerprint = fingerprint(value);
    long hash = mix(topic.hashCode(), partition, offset);
    int index = (int) (hash & mask);
    boolean sampled = (hash >>> 48) % SAMPLE_EVERY == 0;
    Slot slot = slots.get(index);
    if (slot != null && slot.offset == offset && slot.partition == partition
        && slot.length == value.length && slot.fingerprint == fingerprint
        && slot.topic.equals(topic) && (sharingAll || misses.get() - slot.born <= mask)) {
      hits.incrementAndGet();
      if (sampled) {
        judge(true);
      }
      if (slot.invalid != null) {
        throw slot.invalid;
      }
      return slot.event;
    }
    long born = misses.incrementAndGet();
    if (sampled) {
      judge(false);
    }
    boolean cache = sampled || sharingAll;
    try {
      Envelope event = codec.decode(value);
      if (cache) {
        slots.set(index, new Slot(topic, partition, offset, value.length, fingerprint, born,
            event, null));
      }
      return event;
    } catch (InvalidEventException e) {
      if (cache) {
        slots.set(index, new Slot(topic, partition, offset, value.length, fingerprint, born,
            null, e));
      }
      throw e;
    }
  }

  long hits() {
    return hits.get();
  }

  /** Whether every decoded record is cached now, not only the sample (see the class note). */
  public boolean sharingAll() {
    return sharingAll;
  }

  private void judge(boolean hit) {
    if (hit) {
      sampledHits.incrementAndGet();
    }
    if (sampledLookups.incrementAndGet() % JUDGED_LOOKUPS == 0) {
      sharingAll = sampledHits.getAndSet(0) >= WORTH_SHARING * JUDGED_LOOKUPS;
    }
  }

  /**
   * As {@link #decode(String, int, long, byte[])}, then refuses the envelope if the record's
   * routing headers ({@link EventHeaders}) say otherwise.
   */
  public Envelope decode(String topic, int partition, long offset, byte[] value,
      Headers headers) throws InvalidEventException {
    Envelope event = decode(topic, partition, offset, value);
    EventHeaders.check(headers, event);
    return event;
  }

  /** Share of decodes answered from the cache since start, in [0, 1]. */
  public double hitRatio() {
    long h = hits.get();
    long total = h + misses.get();
    return total == 0 ? 0 : (double) h / total;
  }

  private static long fingerprint(byte[] value) {
    long h = 0xcbf29ce484222325L;
    int end = Math.min(value.length, FINGERPRINT_BYTES);
    for (int i = 0; i < end; i++) {
      h = (h ^ value[i]) * 0x100000001b3L;
    }
    return h ^ value[value.length - 1];
  }

  private static long mix(int topicHash, int partition, long offset) {
    long h = offset * 0x9E3779B97F4A7C15L + topicHash * 31L + partition;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 32);
  }
}
