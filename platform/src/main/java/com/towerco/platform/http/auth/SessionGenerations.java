package com.towerco.platform.http.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.towerco.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each user's session generation: a token carries the generation it was issued in, and
 * {@link #revoke} (logging out) moves the user to the next, so every token issued before is
 * refused. Kept in a small JSON file beside the users file ({@code {"noc": 3}}), so every
 * process that shares the users file and the signing key also shares revocations: a process
 * reads the file again at most once a second (it is tiny) and writes it under a file lock.
 */
public final class SessionGenerations {
  private static final Logger LOG = LoggerFactory.getLogger(SessionGenerations.class);
  private static final TypeReference<TreeMap<String, Integer>> TYPE = new TypeReference<>() {};
  private static final long RECHECK_MILLIS = 1_000;

  private final Path file;
  private final Clock clock;
  private Map<String, Integer> generations = new HashMap<>();
  private long checkedAt = Long.MIN_VALUE;

  private SessionGenerations(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** Generations kept in {@code file} (created on the first revocation). */
  public static SessionGenerations in(Path file, Clock clock) {
    SessionGenerations g = new SessionGenerations(file, clock);
    g.reload();
    return g;
  }

  /** Generations kept in memory only: revocation reaches this process alone. */
  public static SessionGenerations inMemory() {
    return new SessionGenerations(null, Clock.systemUTC());
  }

  /** The file beside a users file that holds its users' generations. */
  public static Path besideUsers(Path usersFile) {
    return usersFile.resolveSibling(usersFile.getFileName() + ".sessions");
  }

  public synchronized int current(String user) {
    if (file != null && clock.millis() - checkedAt >= RECHECK_MILLIS) {
      reload();
    }
    return generations.getOrDefault(user, 0);
  }

  /** Ends every session of {@code user}, in every process sharing the file. */
  public synchronized int revoke(String user) {
    if (file == null) {
      return generations.merge(user, 1, Integer::sum);
    }
    Path lock = file.resolveSibling(file.getFileName() + ".lock");
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock held = channel.lock()) {
      Map<String, Integer> latest = read();
      int next = latest.getOrDefault(user, 0) + 1;
      latest.put(user, next);
      OwnerOnly.write(file, Json.mapper().writeValueAsString(new TreeMap<>(latest)) + "\n");
      generations = latest;
      return next;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the logout in " + file, e);
    }
  }

  private void reload() {
    checkedAt = clock.millis();
    try {
      generations = read();
    } catch (IOException | RuntimeException e) {
      // keep what was known: a half-readable file must not revive revoked sessions' holders
      LOG.error("cannot read session generations {}: {}", file, e.toString());
    }
  }

  private Map<String, Integer> read() throws IOException {
    try {
      return new HashMap<>(Json.mapper().readValue(Files.readString(file), TYPE));
    } catch (NoSuchFileException e) {
      return new HashMap<>();
    }
  }
}
