package com.towerco.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The default instance id of a process: this machine's name and a digest of its data
 * directory, e.g. {@code noc-app-3-5f1c2a}. Unique, because one data directory serves one
 * process at a time ({@code DataDirLock}) and two machines have two names; stable across
 * restarts, because the same directory gives the same id, so a restarted instance finds its
 * Kafka Streams state and takes over its own transactional ids instead of fencing another
 * instance's. Without a data directory: the machine's name and the process id.
 */
public final class InstanceId {
  private static final int MAX_HOST = 40;

  private InstanceId() {}

  public static String defaultFor(Path dataDir) {
    String host = host();
    if (dataDir == null) {
      return host + "-p" + ProcessHandle.current().pid();
    }
    return host + "-" + digest(dataDir.toAbsolutePath().normalize().toString());
  }

  static String host() {
    String name;
    try {
      name = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      name = System.getenv().getOrDefault("HOSTNAME", "host");
    }
    String clean = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
        .replaceAll("-+", "-").replaceAll("^-|-$", "");
    if (clean.isEmpty()) {
      clean = "host";
    }
    return clean.length() > MAX_HOST ? clean.substring(0, MAX_HOST) : clean;
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
