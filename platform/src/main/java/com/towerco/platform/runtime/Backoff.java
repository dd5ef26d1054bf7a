package com.towerco.platform.runtime;

import java.time.Duration;

/** A pause that doubles with each failure in a row, up to a ceiling, and starts over on success. */
final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private long nextMillis;

  Backoff(Duration initial, Duration max) {
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.nextMillis = initialMillis;
  }

  /** The pause before the next attempt; the one after it is twice as long (up to the ceiling). */
  Duration next() {
    long pause = nextMillis;
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    return Duration.ofMillis(pause);
  }

  void reset() {
    nextMillis = initialMillis;
  }
}
