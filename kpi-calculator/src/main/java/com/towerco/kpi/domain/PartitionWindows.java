package com.towerco.kpi.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sites of one input partition and that partition's own stream time (the newest event time
 * it has delivered). Its windows are closed by its own stream time, so a partition replaying
 * older records (after a rebalance, or a restart) is never closed by another partition that is
 * ahead. {@code seenAt} is the instance's reference time when the partition last delivered an
 * event: it tells a silent partition from a busy one.
 */
final class PartitionWindows {
  private final Map<String, SiteWindows> sites = new LinkedHashMap<>();
  private long streamTime = Long.MIN_VALUE;
  private long seenAt;

  PartitionWindows(long seenAt) {
    this.seenAt = seenAt;
  }

  SiteWindows site(String siteId, Windowing windowing) {
    return sites.computeIfAbsent(siteId, s -> new SiteWindows(s, windowing));
  }

  Collection<SiteWindows> sites() {
    return sites.values();
  }

  /** An event of this partition at {@code time}, with the instance's reference time. */
  void event(long time, long reference) {
    streamTime = Math.max(streamTime, time);
    seenAt = Math.max(reference, streamTime);
  }

  void resumeStreamTime(long time) {
    streamTime = Math.max(streamTime, time);
    seenAt = Math.max(seenAt, streamTime);
  }

  long streamTime() {
    return streamTime;
  }

  /**
   * The time that closes this partition's windows: its own stream time, or, once it has
   * delivered nothing while the instance's reference time moved on by {@code idleMillis} and
   * the consumer has read everything written to it ({@code caughtUp}: a silent site, not a
   * partition whose records are still on their way), the reference time.
   */
  long closingTime(long reference, long idleMillis, boolean caughtUp) {
    if (caughtUp && reference != Long.MIN_VALUE && seenAt != Long.MIN_VALUE
        && reference - seenAt >= idleMillis) {
      return Math.max(streamTime, reference);
    }
    return streamTime;
  }
}
