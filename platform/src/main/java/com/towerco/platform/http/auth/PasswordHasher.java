package com.towerco.platform.http.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as stored in the users file: {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt
 * and hash in base64), PBKDF2 with HMAC-SHA256 from the JDK, so no password is ever kept in
 * clear and a stolen users file costs an attacker one PBKDF2 run per guess.
 */
public final class PasswordHasher {
  public static final String SCHEME = "pbkdf2-sha256";
  public static final int DEFAULT_ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  public static String hash(char[] password) {
    return hash(password, DEFAULT_ITERATIONS);
  }

  public static String hash(char[] password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(derive(password, salt, iterations));
  }

  /** True if {@code password} matches {@code stored}; compares in constant time. */
  public static boolean matches(char[] password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    Base64.Decoder b64 = Base64.getDecoder();
    byte[] expected = b64.decode(parts[3]);
    byte[] actual = derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  /** Checks the shape of a stored hash, so a broken users file fails at start, not at login. */
  static void requireWellFormed(String stored, String user) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    try {
      if (parts.length == 4 && parts[0].equals(SCHEME) && Integer.parseInt(parts[1]) >= 10_000
          && Base64.getDecoder().decode(parts[2]).length >= 8
          && Base64.getDecoder().decode(parts[3]).length == HASH_BITS / 8) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException("user " + user + ": password_hash must be "
        + SCHEME + "$ITERATIONS(>=10000)$SALT$HASH (make one with 'towerco hash-password')");
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
    }
  }
}
