package com.towerco.platform.runtime;

/**
 * A set of ids kept as 64-bit hashes in an open-addressing table (at most 16 bytes per id, no
 * strings retained): what every "seen this id before?" check in the platform uses. Two ids share
 * a hash with probability about n / 2^64. Not thread-safe.
 */
public final class IdSet {
  private long[] slots = new long[64];
  private int size;

  /** The hash an id is kept as: 64-bit FNV-1a with a murmur finish; never 0 (the empty slot). */
  public static long hash(String id) {
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

  public boolean contains(String id) {
    return containsHash(hash(id));
  }

  /** Adds the id; false if it was already there. */
  public boolean add(String id) {
    return addHash(hash(id));
  }

  /** For callers that look one id up in several sets: {@code hash} from {@link #hash}. */
  public boolean containsHash(long hash) {
    int mask = slots.length - 1;
    for (int i = index(hash, mask); ; i = (i + 1) & mask) {
      if (slots[i] == 0) {
        return false;
      }
      if (slots[i] == hash) {
        return true;
      }
    }
  }

  /** Adds a {@link #hash}; false if it was already there. */
  public boolean addHash(long hash) {
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    if (insert(slots, hash)) {
      size++;
      return true;
    }
    return false;
  }

  /** Removes a {@link #hash}; false if it was not there. */
  public boolean removeHash(long hash) {
    int mask = slots.length - 1;
    int i = index(hash, mask);
    while (slots[i] != 0 && slots[i] != hash) {
      i = (i + 1) & mask;
    }
    if (slots[i] == 0) {
      return false;
    }
    // Backward shift: move later entries of the probe run into the gap, so lookups that
    // passed over the removed slot still find them.
    int gap = i;
    for (int j = (gap + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
      int home = index(slots[j], mask);
      if (((j - home) & mask) >= ((j - gap) & mask)) {
        slots[gap] = slots[j];
        gap = j;
      }
    }
    slots[gap] = 0;
    size--;
    return true;
  }

  public boolean remove(String id) {
    return removeHash(hash(id));
  }

  public int size() {
    return size;
  }

  private static boolean insert(long[] table, long hash) {
    int mask = table.length - 1;
    for (int i = index(hash, mask); ; i = (i + 1) & mask) {
      if (table[i] == 0) {
        table[i] = hash;
        return true;
      }
      if (table[i] == hash) {
        return false;
      }
    }
  }

  private void grow() {
    long[] bigger = new long[slots.length * 2];
    for (long h : slots) {
      if (h != 0) {
        insert(bigger, h);
      }
    }
    slots = bigger;
  }

  private static int index(long hash, int mask) {
    return (int) (hash ^ (hash >>> 32)) & mask;
  }
}
