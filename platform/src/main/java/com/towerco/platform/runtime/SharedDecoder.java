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
 */
public final class SharedDecoder {
  private static final int FINGERPRINT_BYTES = 64;

  private final EventCodec codec;
  private final AtomicReferenceArray<Slot> slots;
  private final int mask;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  private record Slot(String topic, int partition, long offset, int length, long fingerprint,
      Envelope event, InvalidEventException invalid) {}

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
    int index = (int) (mix(topic.hashCode(), partition, offset) & mask);
    Slot slot = slots.get(index);
    if (slot != null && slot.offset == offset && slot.partition == partition
        && slot.length == value.length && slot.fingerprint == fingerprint
        && slot.topic.equals(topic)) {
      hits.incrementAndGet();
      if (slot.invalid != null) {
        throw slot.invalid;
      }
      return slot.event;
    }
    misses.incrementAndGet();
    try {
      Envelope event = codec.decode(value);
      slots.set(index, new Slot(topic, partition, offset, value.length, fingerprint, event,
          null));
      return event;
    } catch (InvalidEventException e) {
      slots.set(index, new Slot(topic, partition, offset, value.length, fingerprint, null, e));
      throw e;
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
