package com.towerco.incidents.stream;

/**
 * The command ids whose outcome is already in a lifecycle partition, as 64-bit hashes in an
 * open-addressing table (16 bytes per command at most), so a command delivered again after a
 * crash, or sent again by a replaying producer, is recognised and skipped.
 */
final class HandledCommands {
  private long[] slots = new long[1024];
  private int size;

  boolean contains(String commandId) {
    long h = hash(commandId);
    int mask = slots.length - 1;
    for (int i = index(h, mask); ; i = (i + 1) & mask) {
      if (slots[i] == 0) {
        return false;
      }
      if (slots[i] == h) {
        return true;
      }
    }
  }

  void add(String commandId) {
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    if (insert(slots, hash(commandId))) {
      size++;
    }
  }

  int size() {
    return size;
  }

  private static boolean insert(long[] table, long h) {
    int mask = table.length - 1;
    for (int i = index(h, mask); ; i = (i + 1) & mask) {
      if (table[i] == 0) {
        table[i] = h;
        return true;
      }
      if (table[i] == h) {
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

  private static int index(long h, int mask) {
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** 64-bit FNV-1a finished with a murmur mix; never 0 (the empty slot). */
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
}
