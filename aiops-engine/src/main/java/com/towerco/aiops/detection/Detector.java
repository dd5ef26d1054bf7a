package com.towerco.aiops.detection;

/**
 * An online anomaly detector for one numeric series (one metric of one site): it learns the
 * series' normal behaviour as points arrive and scores each point in [0, 1]. Time is an input
 * (event time in epoch milliseconds), never read from a clock, so the same points give the same
 * scores every time. Its whole learned state fits in a bounded {@link #snapshot()}, which
 * {@link DetectorFactory#restore} turns back into a detector that scores what follows exactly as
 * this one would: the state can live in a changelogged key-value store.
 *
 * <p>Implementations are not thread-safe: one detector per series, fed in order by one thread.
 */
public interface Detector {

  /**
   * Scores one point and learns from it. A NaN or infinite value is a missing point: it scores 0
   * and teaches nothing. Time may jump forward (gaps) or repeat; a point older than the last one
   * is scored but does not move the detector's clock back.
   */
  Score observe(long timeMillis, double value);

  /** The registry name of this detector, e.g. {@code adaptive}. */
  String name();

  /** The learned state, restorable with {@link DetectorFactory#restore}; bounded in size. */
  byte[] snapshot();
}
