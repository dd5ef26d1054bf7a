package com.towerco.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys of the gateways that post events over HTTP (vendor clouds, NMS exports, RTU
 * concentrators), stored as SHA-256 digests only, each bound to the sites it may report for.
 * A key is 32 random bytes (base64url, from {@link #newKey()}), so a fast digest is enough: there
 * is nothing to guess. The setting is {@code gateway=sha256:<hex>:<site>|<site>...}, entries
 * separated by {@code ;}, {@code *} for every site (an NMS northbound export).
 */
public final class GatewayKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A gateway's key: its name and the sites it may report for. */
  public record GatewayKey(String gatewayId, Set<String> sites, boolean anySite) {
    public boolean mayReport(String siteId) {
      return anySite || sites.contains(siteId);
    }
  }

  private final Map<String, GatewayKey> byDigest;

  private GatewayKeys(Map<String, GatewayKey> byDigest) {
    this.byDigest = Map.copyOf(byDigest);
  }

  public static GatewayKeys none() {
    return new GatewayKeys(Map.of());
  }

  /** Parses the {@code ingest.http-keys} setting. */
  public static GatewayKeys parse(String spec) {
    Map<String, GatewayKey> keys = new HashMap<>();
    if (spec == null || spec.isBlank()) {
      return none();
    }
    for (String entry : spec.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      String[] parts = eq < 0 ? new String[0] : entry.substring(eq + 1).trim().split(":", 3);
      if (eq < 1 || parts.length != 3 || !parts[0].equals("sha256")
          || !parts[1].matches("[0-9a-f]{64}") || parts[2].isBlank()) {
        throw new IllegalArgumentException("ingest.http-keys: '" + entry.trim()
            + "' is not gateway=sha256:<64 hex digits>:<site>|<site>... (or * for all sites)");
      }
      String gateway = entry.substring(0, eq).trim();
      List<String> sites = Arrays.stream(parts[2].split("\\|")).map(String::trim)
          .filter(s -> !s.isEmpty()).toList();
      keys.put(parts[1], new GatewayKey(gateway, Set.copyOf(sites), sites.contains("*")));
    }
    return new GatewayKeys(keys);
  }

  /** The gateway a presented key belongs to. */
  public Optional<GatewayKey> find(String presentedKey) {
    if (presentedKey == null || presentedKey.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byDigest.get(digest(presentedKey.trim())));
  }

  public boolean isEmpty() {
    return byDigest.isEmpty();
  }

  /** A new random key, to hand to a gateway once. */
  public static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of a key: its SHA-256, hex. */
  public static String digest(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The setting entry for a gateway's key. */
  public static String entry(String gatewayId, String key, List<String> sites) {
    return gatewayId + "=sha256:" + digest(key) + ":" + String.join("|", sites);
  }
}
