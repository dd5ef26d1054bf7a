package com.towerco.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ids. Source events get random ids; derived events get name-based ids computed from what
 * they were derived from, so reprocessing the same input after a crash yields the same id and
 * every consumer's deduplication absorbs the repeat.
 */
public final class EventIds {
  private EventIds() {}

  /** A random version-4 UUID (not for security; fast under load). */
  public static String random() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** A version-5 (SHA-1, name-based) UUID of the parts, joined unambiguously. */
  public static String derived(String... parts) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha1.update((byte) (bytes.length >>> 8));
        sha1.update((byte) bytes.length);
        sha1.update(bytes);
      }
      byte[] h = sha1.digest();
      h[6] = (byte) ((h[6] & 0x0F) | 0x50);
      h[8] = (byte) ((h[8] & 0x3F) | 0x80);
      long msb = 0;
      long lsb = 0;
      for (int i = 0; i < 8; i++) {
        msb = (msb << 8) | (h[i] & 0xFF);
        lsb = (lsb << 8) | (h[i + 8] & 0xFF);
      }
      return new UUID(msb, lsb).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by the JDK", e);
    }
  }
}
