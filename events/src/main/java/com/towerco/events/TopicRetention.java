package com.towerco.events;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a topic family keeps its records, declared with the family in {@link TopicFamily}:
 * {@link Kind#FOREVER} for the sources of truth (event-sourced lifecycles, their commands, the
 * dead letters), {@link Kind#COMPACTED} for tables where the latest value per key is the state
 * (inventory, notification settings), {@link Kind#WINDOW} for streams that projections replay
 * only a recent window of. A window has a default and a minimum: the longest window any reader
 * needs, which a configured retention may not go below.
 *
 * @param kind how records are kept
 * @param window the default retention of a {@link Kind#WINDOW} family (else empty)
 * @param minimum the shortest retention a {@link Kind#WINDOW} family may be given (else empty)
 * @param why which reader needs what, in one sentence (shown by {@code towerco topics})
 */
public record TopicRetention(Kind kind, Optional<Duration> window, Optional<Duration> minimum,
    String why) {

  /** How records are kept. */
  public enum Kind { FOREVER, COMPACTED, WINDOW }

  public TopicRetention {
    if ((kind == Kind.WINDOW) != (window.isPresent() && minimum.isPresent())) {
      throw new IllegalArgumentException("a window (and only a window) has a default and a "
          + "minimum retention");
    }
    if (kind == Kind.WINDOW && window.get().compareTo(minimum.get()) < 0) {
      throw new IllegalArgumentException("the default retention is below its minimum");
    }
  }

  public static TopicRetention forever(String why) {
    return new TopicRetention(Kind.FOREVER, Optional.empty(), Optional.empty(), why);
  }

  public static TopicRetention compacted(String why) {
    return new TopicRetention(Kind.COMPACTED, Optional.empty(), Optional.empty(), why);
  }

  public static TopicRetention window(Duration window, Duration minimum, String why) {
    return new TopicRetention(Kind.WINDOW, Optional.of(window), Optional.of(minimum), why);
  }

  /**
   * The retention a window family gets when configured to {@code configured} (empty: the
   * default); refuses what is shorter than the minimum, and any value for the other kinds.
   */
  public Optional<Duration> effective(Optional<Duration> configured, String family) {
    if (configured.isEmpty()) {
      return window;
    }
    if (kind != Kind.WINDOW) {
      throw new IllegalArgumentException(family + " is kept " + kind.name().toLowerCase()
          + " (" + why + "); its retention cannot be set");
    }
    if (configured.get().compareTo(minimum.get()) < 0) {
      throw new IllegalArgumentException("retention " + configured.get() + " of " + family
          + " is shorter than its minimum " + minimum.get() + ": " + why);
    }
    return configured;
  }
}
