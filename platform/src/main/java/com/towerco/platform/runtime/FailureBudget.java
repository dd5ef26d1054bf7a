package com.towerco.platform.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How many failures a service may recover from within a sliding window before it stops trying:
 * a stream thread that failed once (a broker hiccup, a rebalance race) is replaced, but one that
 * fails over and over (a changelog of the wrong size, a corrupt store) would otherwise be
 * replaced forever while the service looks alive. Thread-safe; times in milliseconds.
 */
final class FailureBudget {
  private final int allowed;
  private final long windowMillis;
  private final Deque<Long> failures = new ArrayDeque<>();

  FailureBudget(int allowed, Duration window) {
    this.allowed = allowed;
    this.windowMillis = window.toMillis();
  }

  /** Records a failure at {@code nowMillis}; true while the budget still allows recovering. */
  synchronized boolean recordAndAllow(long nowMillis) {
    failures.addLast(nowMillis);
    while (!failures.isEmpty() && failures.peekFirst() <= nowMillis - windowMillis) {
      failures.removeFirst();
    }
    return failures.size() <= allowed;
  }
}
