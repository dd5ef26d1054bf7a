package com.towerco.aiops.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Event time of one region's correlation when its alerts and watermarks come from several
 * sources (the engine's upstream tasks, which may run on different instances and reach the
 * region through one repartition partition in any interleaving). Each source's time only moves
 * forward; the clock is the earliest of them, so a source that is behind (replaying after its
 * instance was killed, or simply slower) is waited for instead of finding the region's groups
 * already opened or closed by another source's time. A source more than {@code grace} behind
 * the most advanced one is not waited for (it stopped, or it is too far behind to hold every
 * region back): the clock never trails the newest source by more than {@code grace}. The clock
 * never goes back, and it depends only on the inputs, so a replay gives the same ticks.
 *
 * <p>Sources that trail by design (alerts from KPI windows, which close a window and its grace
 * after the readings) are <em>secondary</em>: they move the clock only in a region no primary
 * source (site events) has reported to; otherwise waiting for them would delay every incident
 * by a KPI window.
 */
public final class SourceClock {
  /** What is stored: each source's latest event time and the clock. */
  public record State(Map<String, Instant> sources, Instant now, Map<String, Instant> secondary) {
    public State {
      sources = sources == null ? Map.of() : Map.copyOf(sources);
      secondary = secondary == null ? Map.of() : Map.copyOf(secondary);
    }
  }

  private final Duration grace;
  private final Map<String, Instant> sources = new TreeMap<>();
  private final Map<String, Instant> secondary = new TreeMap<>();
  private Instant now;

  public SourceClock(Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative: " + grace);
    }
    this.grace = grace;
  }

  public static SourceClock restore(Duration grace, State state) {
    SourceClock clock = new SourceClock(grace);
    if (state != null) {
      clock.sources.putAll(state.sources());
      clock.secondary.putAll(state.secondary());
      clock.now = state.now();
    }
    return clock;
  }

  /**
   * Records that {@code source} has reached {@code time} and returns the clock: the earliest
   * time among the sources within {@code grace} of the newest, never earlier than before.
   */
  public Instant advance(String source, Instant time) {
    return advance(source, time, true);
  }

  /** As above, for a primary source or a secondary one (see the class comment). */
  public Instant advance(String source, Instant time, boolean primary) {
    Map<String, Instant> reported = primary ? sources : secondary;
    reported.merge(source, time, (a, b) -> a.isAfter(b) ? a : b);
    return primary || sources.isEmpty() ? moveOn(reported) : now;
  }

  private Instant moveOn(Map<String, Instant> sources) {
    Instant newest = sources.values().stream().max(Instant::compareTo).orElseThrow();
    Instant horizon = newest.minus(grace);
    Instant earliest = newest;
    for (Instant t : sources.values()) {
      if (!t.isBefore(horizon) && t.isBefore(earliest)) {
        earliest = t;
      }
    }
    // a source left behind by more than twice the grace is forgotten (it stopped reporting)
    sources.values().removeIf(t -> t.isBefore(horizon.minus(grace)));
    if (now == null || earliest.isAfter(now)) {
      now = earliest;
    }
    return now;
  }

  /** The clock, or null before any source reported. */
  public Instant now() {
    return now;
  }

  public State snapshot() {
    return new State(sources, now, secondary);
  }
}
