package com.towerco.benchmarks.system;

import java.time.Duration;
import java.time.Instant;

/**
 * The event time a latency phase stamps on its readings and alarms ({@code sent}: readings sent
 * so far in the phase). The latency itself is timed by this process's clock, never by these.
 */
interface ProbeTime {
  Instant at(long sent);

  /** The phase sent {@code sent} readings and ended: the next phase continues after them. */
  default void phaseEnded(long sent) {}

  /** The wall clock: each site's readings as far apart as the rate makes them. */
  static ProbeTime wall() {
    return sent -> Instant.now();
  }

  /**
   * Each site's readings {@link Feed#READING_INTERVAL} apart, as in the drain that measured the
   * sustained rate, continuing across phases. At a paced rate over a few sites the wall clock
   * would put a site's readings a few milliseconds apart, a series no site sends and one the
   * detectors treat differently (a sub-second cadence, its per-minute view over thousands of
   * points): the phases would measure another workload than the one the rate came from
   * (ADR-056). Event time then runs ahead of the wall clock, as in any replay: everything the
   * platform decides goes by event time.
   */
  static ProbeTime asTheDrain(Instant start, int sites) {
    return new ProbeTime() {
      private Instant phaseStart = start;

      @Override
      public Instant at(long sent) {
        return phaseStart.plus(Feed.READING_INTERVAL.multipliedBy(sent / sites));
      }

      @Override
      public void phaseEnded(long sent) {
        phaseStart = at(sent).plus(Feed.READING_INTERVAL);
      }
    };
  }
}
