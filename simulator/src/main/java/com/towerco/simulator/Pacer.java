package com.towerco.simulator;

import com.towerco.simulator.domain.SimulatorConfig;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Decides how fast event time passes: in paced mode it holds each tick back until the wall
 * clock, times {@code speed}, has caught up with it (anchored at the first tick, or at real time
 * in a live run at speed 1, so a slow moment is caught up rather than accumulated); as fast as possible it never waits. This is the
 * only place the simulator reads a clock.
 */
final class Pacer {
  private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long MIN_AHEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final boolean paced;
  private final double nanosPerEventMilli;
  private long wallAnchor;
  private long eventAnchor = Long.MIN_VALUE;

  private Pacer(boolean paced, double speed) {
    this.paced = paced;
    this.nanosPerEventMilli = 1_000_000.0 / speed;
  }

  static Pacer of(SimulatorConfig config) {
    return new Pacer(config.pace() == SimulatorConfig.Pace.PACED, config.speed());
  }

  /**
   * At speed 1 with event time starting around now (a live demo), event time is the wall clock:
   * the seconds the platform took to start are caught up at once instead of lagging every event
   * behind real time for the whole run. Otherwise the first tick is due immediately.
   */
  private long realTimeLag(long eventMillis) {
    long lagMillis = System.currentTimeMillis() - eventMillis;
    boolean live = nanosPerEventMilli == 1_000_000.0 && lagMillis > 0 && lagMillis < 60_000;
    return live ? TimeUnit.MILLISECONDS.toNanos(lagMillis) : 0;
  }

  /** Waits until event time {@code eventMillis} is due; false if {@code stop} said so meanwhile. */
  boolean await(long eventMillis, BooleanSupplier stop) {
    if (!paced) {
      return true;
    }
    if (eventAnchor == Long.MIN_VALUE) {
      eventAnchor = eventMillis;
      wallAnchor = System.nanoTime() - realTimeLag(eventMillis);
    }
    long due = wallAnchor + (long) ((eventMillis - eventAnchor) * nanosPerEventMilli);
    long ahead = due - System.nanoTime();
    while (ahead > MIN_AHEAD_NANOS) {
      if (stop.getAsBoolean()) {
        return false;
      }
      LockSupport.parkNanos(Math.min(ahead, MAX_PARK_NANOS));
      ahead = due - System.nanoTime();
    }
    return true;
  }
}
