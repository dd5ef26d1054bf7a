package com.towerco.kpi.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Tumbling event-time windows of a fixed size with a grace period: a window
 * {@code [start, start + size)} stays open for late readings until stream time passes
 * {@code end + grace}, then it is closed and emitted once.
 */
public record Windowing(Duration size, Duration grace, Duration maxGap) {
  public Windowing {
    if (size.isZero() || size.isNegative() || grace.isNegative() || maxGap.isNegative()) {
      throw new IllegalArgumentException("window size must be positive, grace and gap >= 0");
    }
  }

  public long sizeMillis() {
    return size.toMillis();
  }

  /** Start of the window that contains {@code timeMillis}. */
  public long windowStart(long timeMillis) {
    return Math.floorDiv(timeMillis, sizeMillis()) * sizeMillis();
  }

  /** True once stream time has moved past the window's end plus the grace period. */
  public boolean closed(long windowStart, long streamTimeMillis) {
    return windowStart + sizeMillis() + grace.toMillis() <= streamTimeMillis;
  }

  public Instant end(long windowStart) {
    return Instant.ofEpochMilli(windowStart + sizeMillis());
  }
}
