package com.towerco.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** A half-open event-time range {@code [from, to)} of at most {@link #MAX} for one query. */
public record TimeRange(Instant from, Instant to) {
  public static final Duration MAX = Duration.ofDays(400);

  public TimeRange {
    if (from == null || to == null) {
      throw new IllegalArgumentException("from and to are required");
    }
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to must be after from");
    }
    if (Duration.between(from, to).compareTo(MAX) > 0) {
      throw new IllegalArgumentException("the range may span at most " + MAX.toDays() + " days");
    }
  }

  /** A calendar month in UTC. */
  public static TimeRange of(YearMonth month) {
    return new TimeRange(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
        month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  public Duration length() {
    return Duration.between(from, to);
  }

  public double hours() {
    return length().toSeconds() / 3600.0;
  }
}
