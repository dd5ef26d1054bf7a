package com.towerco.dashboard.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The bounded replay buffer behind the live stream: every update gets the next sequence
 * number, the last {@code capacity} are kept, and a reader resumes after the last number it
 * saw. A reader that fell further behind than the buffer (or comes from before a restart) is
 * told so, instead of silently missing updates, and reloads the full state. The first number
 * is chosen by the caller (the service starts it from the wall clock) so numbers keep
 * increasing across restarts.
 */
public final class UpdateLog {
  /** One update and its sequence number. */
  public record Entry(long seq, Update update) {}

  /** What a reader gets: the entries after its cursor, or a gap (reload). */
  public record Batch(boolean gap, List<Entry> entries, long lastSeq) {}

  private final Entry[] ring;
  private final int maxBatch;
  private int head;
  private int size;
  private long lastSeq;
  private boolean closed;

  public UpdateLog(int capacity, long firstSeq) {
    if (capacity < 1 || firstSeq < 1) {
      throw new IllegalArgumentException("capacity and first sequence number must be positive");
    }
    this.ring = new Entry[capacity];
    this.maxBatch = Math.min(capacity, 500);
    this.lastSeq = firstSeq - 1;
  }

  public synchronized long append(Update update) {
    Entry entry = new Entry(++lastSeq, update);
    if (size == ring.length) {
      ring[head] = entry;
      head = (head + 1) % ring.length;
    } else {
      ring[(head + size) % ring.length] = entry;
      size++;
    }
    notifyAll();
    return entry.seq();
  }

  public synchronized long lastSeq() {
    return lastSeq;
  }

  /** The entries after {@code cursor} (at most a few hundred at a time), without waiting. */
  public synchronized Batch after(long cursor) {
    long oldest = lastSeq - size + 1;
    if (cursor > lastSeq || cursor < oldest - 1) {
      return new Batch(true, List.of(), lastSeq);
    }
    int skip = (int) (cursor - oldest + 1);
    int count = Math.min(size - skip, maxBatch);
    List<Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(ring[(head + skip + i) % ring.length]);
    }
    return new Batch(false, entries, lastSeq);
  }

  /** Like {@link #after} but waits up to {@code timeoutMillis} for something new. */
  public synchronized Batch await(long cursor, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    long remaining = timeoutMillis;
    while (cursor == lastSeq && !closed && remaining > 0) {
      wait(remaining);
      remaining = (deadline - System.nanoTime()) / 1_000_000;
    }
    return after(cursor);
  }

  /** Wakes every waiting reader; used when the service stops. */
  public synchronized void close() {
    closed = true;
    notifyAll();
  }

  public synchronized boolean isClosed() {
    return closed;
  }
}
