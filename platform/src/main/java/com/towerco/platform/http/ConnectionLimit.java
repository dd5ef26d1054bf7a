package com.towerco.platform.http;

import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * Caps long-lived connections (a live stream holds a server thread for as long as it is
 * open): at most {@code perUser} for one user and {@code total} for the whole process. A
 * connection past either cap is refused with 429 before it takes a thread for good.
 */
public final class ConnectionLimit {
  private final int perUser;
  private final int total;
  private final Map<String, Integer> open = new HashMap<>();
  private int openTotal;

  public ConnectionLimit(int perUser, int total) {
    if (perUser < 1 || total < perUser) {
      throw new IllegalArgumentException("need 1 <= perUser <= total, got " + perUser + ", "
          + total);
    }
    this.perUser = perUser;
    this.total = total;
  }

  /** One open connection; closing it frees its place. */
  public interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  /** A place for one more connection of {@code user}, or 429 if a cap is reached. */
  public synchronized Slot acquire(String user) {
    int mine = open.getOrDefault(user, 0);
    if (mine >= perUser) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "at most " + perUser
          + " live streams per user are open at once; close one first");
    }
    if (openTotal >= total) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS,
          "the server has as many live streams open as it serves; try again later");
    }
    open.put(user, mine + 1);
    openTotal++;
    boolean[] closed = new boolean[1];
    return () -> release(user, closed);
  }

  /** Connections open now. */
  public synchronized int open() {
    return openTotal;
  }

  private synchronized void release(String user, boolean[] closed) {
    if (closed[0]) {
      return;
    }
    closed[0] = true;
    openTotal--;
    open.computeIfPresent(user, (u, n) -> n > 1 ? n - 1 : null);
  }
}
