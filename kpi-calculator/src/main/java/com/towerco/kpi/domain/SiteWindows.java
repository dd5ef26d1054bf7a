package com.towerco.kpi.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One site's open windows. Each reading's state is attributed to time from the reading until
 * the next one (at most {@code maxGap} later, and never past a loss of contact), split across
 * the windows it spans. Attribution is by time interval, so a duplicate or out-of-order reading
 * adds no time, and a window counts each reading time once: repeats cannot inflate a KPI. It
 * also remembers, per window, the earliest record offset that fed it, which is what a restart
 * must replay from.
 *
 * <p>The open windows are a short list ordered by start, usually one to three, searched from the
 * newest (ADR-062: a reading's window is found without boxing its start, and the window last
 * used is tried first).
 */
final class SiteWindows {
  private final String siteId;
  private final Windowing windowing;
  private final long sizeMillis;
  private final long maxGapMillis;
  /** This site's DC windows, one lookup function for the site's life. */
  private final Function<String, DcWindow> dc;
  private final List<WindowAccumulator> open = new ArrayList<>(4);
  private WindowAccumulator lastUsed;
  private Reading last;
  private long lastOffset = -1;
  private long attributedUntil;
  private long closedUpTo = Long.MIN_VALUE;
  private long lastActivity = Long.MIN_VALUE;
  private long streamTime = Long.MIN_VALUE;
  private long seenAt = Long.MIN_VALUE;

  SiteWindows(String siteId, Windowing windowing, SiteTerms terms) {
    this.siteId = siteId;
    this.windowing = windowing;
    this.sizeMillis = windowing.sizeMillis();
    this.maxGapMillis = windowing.maxGap().toMillis();
    this.dc = tenant -> terms.dcWindow(siteId, tenant);
  }

  /** This site's DC window of a tenancy, from the inventory. */
  Function<String, DcWindow> dc() {
    return dc;
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
  boolean reading(Reading reading, long offset) {
    long time = reading.timeMillis();
    if (closedUpTo == Long.MIN_VALUE) {
      closedUpTo = windowing.windowStart(time);
    }
    if (time < closedUpTo) {
      // Too late to count, but the newest reading we know still carries the site's state
      // into the open windows (this is also how a replay picks up the state at its start).
      if ((last == null || time > last.timeMillis())
          && time + maxGapMillis > closedUpTo) {
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
      extendLast(Math.min(time, last.timeMillis() + maxGapMillis));
      // Fuel burnt is counted only while the generator runs: a drop with the generator off is
      // sensor noise or theft, which the AIOps engine's fuel detector judges, not consumption.
      double drop = last.fuelLevelL() - reading.fuelLevelL();
      boolean burning = last.generatorRunning() || reading.generatorRunning();
      if (drop > 0 && burning && time - last.timeMillis() <= maxGapMillis) {
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
  void unreachable(long time) {
    if (last != null && time >= attributedUntil) {
      extendLast(Math.min(time, last.timeMillis() + maxGapMillis));
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
  List<ClosedWindow> close(long streamTime, long silenceMillis) {
    List<ClosedWindow> closed = new ArrayList<>();
    while (closedUpTo != Long.MIN_VALUE && windowing.closed(closedUpTo, streamTime)) {
      long start = closedUpTo;
      long end = start + sizeMillis;
      if (last != null) {
        extendLast(Math.min(end, last.timeMillis() + maxGapMillis));
      }
      WindowAccumulator acc = remove(start);
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
    for (int i = 0, n = open.size(); i < n; i++) {
      first = Math.min(first, open.get(i).firstOffset());
    }
    if (last != null && last.timeMillis() + maxGapMillis > closedUpTo) {
      first = Math.min(first, lastOffset);
    }
    return first == Long.MAX_VALUE ? -1 : first;
  }

  private void extendLast(long until) {
    long from = Math.max(attributedUntil, closedUpTo);
    while (from < until) {
      long start = windowing.windowStart(from);
      long to = Math.min(until, start + sizeMillis);
      window(from, lastOffset).attribute(last, to - from, dc);
      from = to;
    }
    attributedUntil = Math.max(attributedUntil, until);
  }

  /** The open window holding {@code time}, made if new, fed by the record at {@code offset}. */
  private WindowAccumulator window(long time, long offset) {
    long start = Math.floorDiv(time, sizeMillis) * sizeMillis;
    WindowAccumulator acc = lastUsed;
    if (acc == null || acc.start() != start) {
      acc = null;
      int i = open.size();
      while (i > 0 && open.get(i - 1).start() > start) {
        i--;
      }
      if (i > 0 && open.get(i - 1).start() == start) {
        acc = open.get(i - 1);
      } else {
        acc = new WindowAccumulator(start);
        open.add(i, acc);
      }
      lastUsed = acc;
    }
    acc.fedBy(offset);
    return acc;
  }

  /** Takes the open window starting at {@code start} out of the list; null if there is none. */
  private WindowAccumulator remove(long start) {
    for (int i = 0, n = open.size(); i < n; i++) {
      WindowAccumulator acc = open.get(i);
      if (acc.start() == start) {
        open.remove(i);
        if (acc == lastUsed) {
          lastUsed = null;
        }
        return acc;
      }
    }
    return null;
  }

  /** A window that will receive nothing more. */
  record ClosedWindow(String siteId, long start, long end, WindowAccumulator totals) {}
}
