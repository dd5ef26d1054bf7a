package com.towerco.kpi.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One site's open windows. Each reading's state is attributed to time from the reading until
 * the next one (at most {@code maxGap} later, and never past a loss of contact), split across
 * the windows it spans. Attribution is by time interval, so a duplicate or out-of-order reading
 * adds no time, and a window counts each reading time once: repeats cannot inflate a KPI. It
 * also remembers, per window, the earliest record offset that fed it, which is what a restart
 * must replay from.
 */
final class SiteWindows {
  private final String siteId;
  private final Windowing windowing;
  private final TreeMap<Long, WindowAccumulator> open = new TreeMap<>();
  private final TreeMap<Long, Long> firstOffsets = new TreeMap<>();
  private Reading last;
  private long lastOffset = -1;
  private long attributedUntil;
  private long closedUpTo = Long.MIN_VALUE;
  private long lastActivity = Long.MIN_VALUE;
  private long streamTime = Long.MIN_VALUE;
  private long seenAt = Long.MIN_VALUE;

  SiteWindows(String siteId, Windowing windowing) {
    this.siteId = siteId;
    this.windowing = windowing;
  }

  String siteId() {
    return siteId;
  }

  /**
   * An event of this site at {@code time} (any kind), with the instance's reference time: the
   * site's stream time is the newest it has delivered; {@code seenAt} tells a silent site from
   * a busy one.
   */
  void event(long time, long reference) {
    streamTime = Math.max(streamTime, time);
    seenAt = Math.max(reference, streamTime);
  }

  /** The site was current at {@code time} (a restart's note): silent from then on, if at all. */
  void seenAt(long time) {
    seenAt = Math.max(seenAt, time);
  }

  /**
   * The time that closes this site's windows: its own stream time, or, once it has delivered
   * nothing while the instance's reference time moved on by {@code idleMillis} and the consumer
   * has read everything written to its partition ({@code caughtUp}: a silent site, not a
   * partition whose records are still on their way), the reference time.
   */
  long closingTime(long reference, long idleMillis, boolean caughtUp) {
    if (caughtUp && reference != Long.MIN_VALUE && seenAt != Long.MIN_VALUE
        && reference - seenAt >= idleMillis) {
      return Math.max(streamTime, reference);
    }
    return streamTime;
  }

  /** Resumes after a restart: windows before {@code closedUpTo} were already emitted. */
  void resume(long closedUpTo) {
    this.closedUpTo = Math.max(this.closedUpTo, closedUpTo);
  }

  long closedUpTo() {
    return closedUpTo;
  }

  /** Returns false for a reading too late for any open window. */
  boolean reading(Reading reading, long offset, Function<String, DcWindow> dc) {
    long time = reading.timeMillis();
    if (closedUpTo == Long.MIN_VALUE) {
      closedUpTo = windowing.windowStart(time);
    }
    if (time < closedUpTo) {
      // Too late to count, but the newest reading we know still carries the site's state
      // into the open windows (this is also how a replay picks up the state at its start).
      if ((last == null || time > last.timeMillis())
          && time + windowing.maxGap().toMillis() > closedUpTo) {
        last = reading;
        lastOffset = offset;
        attributedUntil = closedUpTo;
        return true;
      }
      return false;
    }
    lastActivity = Math.max(lastActivity, time);
    if (last != null && time < last.timeMillis()) {
      window(time, offset).sample(reading);
      return true;
    }
    if (last != null) {
      extendLast(Math.min(time, last.timeMillis() + windowing.maxGap().toMillis()), dc);
      // Fuel burnt is counted only while the generator runs: a drop with the generator off is
      // sensor noise or theft, which the AIOps engine's fuel detector judges, not consumption.
      double drop = last.fuelLevelL() - reading.fuelLevelL();
      boolean burning = last.generatorRunning() || reading.generatorRunning();
      if (drop > 0 && burning && time - last.timeMillis() <= windowing.maxGap().toMillis()) {
        window(time, offset).fuelDrop(drop);
      }
    }
    window(time, offset).sample(reading);
    last = reading;
    lastOffset = offset;
    attributedUntil = time;
    return true;
  }

  /** The mediation layer lost the site: its last state holds no longer than this. */
  void unreachable(long time, Function<String, DcWindow> dc) {
    if (last != null && time >= attributedUntil) {
      extendLast(Math.min(time, last.timeMillis() + windowing.maxGap().toMillis()), dc);
      last = null;
    }
    lastActivity = Math.max(lastActivity, time);
  }

  void alarmRaised(String alarmId, long time, long offset) {
    if (closedUpTo == Long.MIN_VALUE) {
      closedUpTo = windowing.windowStart(time);
    }
    if (time >= closedUpTo) {
      window(time, offset).alarmRaised(alarmId);
      lastActivity = Math.max(lastActivity, time);
    }
  }

  /**
   * Closes every window that stream time has passed (plus grace) and returns them in order.
   * A site silent for longer than {@code silence} stops producing empty windows.
   */
  List<ClosedWindow> close(long streamTime, long silenceMillis, Function<String, DcWindow> dc) {
    List<ClosedWindow> closed = new ArrayList<>();
    while (closedUpTo != Long.MIN_VALUE && windowing.closed(closedUpTo, streamTime)) {
      long start = closedUpTo;
      long end = start + windowing.sizeMillis();
      if (last != null) {
        extendLast(Math.min(end, last.timeMillis() + windowing.maxGap().toMillis()), dc);
      }
      WindowAccumulator acc = open.remove(start);
      firstOffsets.remove(start);
      if (acc != null || lastActivity + silenceMillis >= start) {
        closed.add(new ClosedWindow(siteId, start, end,
            acc == null ? new WindowAccumulator() : acc));
      } else if (open.isEmpty()) {
        closedUpTo = windowing.windowStart(Math.max(streamTime - silenceMillis, end));
        continue;
      }
      closedUpTo = end;
    }
    return closed;
  }

  /** The lowest offset a restart needs to rebuild this site's open windows, or -1. */
  long firstNeededOffset() {
    long first = Long.MAX_VALUE;
    for (Long offset : firstOffsets.values()) {
      first = Math.min(first, offset);
    }
    if (last != null && last.timeMillis() + windowing.maxGap().toMillis() > closedUpTo) {
      first = Math.min(first, lastOffset);
    }
    return first == Long.MAX_VALUE ? -1 : first;
  }

  private void extendLast(long until, Function<String, DcWindow> dc) {
    long from = Math.max(attributedUntil, closedUpTo);
    while (from < until) {
      long start = windowing.windowStart(from);
      long to = Math.min(until, start + windowing.sizeMillis());
      window(from, lastOffset).attribute(last, to - from, dc);
      from = to;
    }
    attributedUntil = Math.max(attributedUntil, until);
  }

  private WindowAccumulator window(long time, long offset) {
    long start = windowing.windowStart(time);
    firstOffsets.merge(start, offset, Math::min);
    return open.computeIfAbsent(start, s -> new WindowAccumulator());
  }

  /** A window that will receive nothing more. */
  record ClosedWindow(String siteId, long start, long end, WindowAccumulator totals) {}
}
