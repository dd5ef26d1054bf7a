package com.towerco.ingest.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which sites went silent, on event time only. Each site's reporting cadence is learned (a
 * moving average of the gaps between its reports, once it has {@value #LEARNED_AFTER} of them)
 * or, until then, the configured one. The fleet's stream time is the latest event time seen;
 * a site whose last report is more than {@code silentCadences} cadences (and at least
 * {@code minSilence}) behind it is lost, stamped at the moment it became overdue; its next
 * report restores it. A report after such a gap proves the silence by itself (lost, then
 * restored), so the result does not depend on the order the site topics are read in when the
 * watchdog catches up on a backlog. Silence is judged only for sites whose reports have all
 * been read (the consumer is caught up on their topic), never on reports still to come. A site
 * known from the inventory but not yet heard counts as heard at the stream time when its topic
 * is first known read to its end, so a site dead across a restart is still found.
 * Deterministic: the same events and the same caught-up answers give the same transitions.
 */
public final class SilenceWatch {
  static final int LEARNED_AFTER = 3;
  private static final double SMOOTHING = 0.2;

  /** A site lost or found again, at event time {@code at}. */
  public record Transition(String siteId, boolean lost, Instant at, String reason) {}

  private static final class SiteClock {
    Instant lastReport;
    double cadenceMillis;
    int gaps;
    boolean silent;
    /** {@link #limit} for the cadence key it was computed for ({@code limitKey}). */
    Duration limit;
    long limitKey = Long.MIN_VALUE;
  }

  private final Duration defaultCadence;
  private final int silentCadences;
  private final Duration minSilence;
  private final Map<String, SiteClock> sites = new HashMap<>();
  private Instant streamTime;

  public SilenceWatch(Duration defaultCadence, int silentCadences, Duration minSilence) {
    this.defaultCadence = defaultCadence;
    this.silentCadences = silentCadences;
    this.minSilence = minSilence;
  }

  /** A site to watch even before it reports (from the inventory). */
  public void expect(String siteId) {
    sites.computeIfAbsent(siteId, id -> new SiteClock());
  }

  /** A site left the fleet: no longer watched. */
  public void forget(String siteId) {
    sites.remove(siteId);
  }

  /** A report from a site at event time {@code at}; returns its restoration, if it was lost. */
  public List<Transition> report(String siteId, Instant at) {
    SiteClock clock = sites.computeIfAbsent(siteId, id -> new SiteClock());
    if (streamTime == null || at.isAfter(streamTime)) {
      streamTime = at;
    }
    // Every reading of every site comes here: no list, Duration or Instant made unless a
    // site is lost or found (ADR-055).
    List<Transition> out = List.of();
    if (!clock.silent && clock.lastReport != null
        && after(at, clock.lastReport, limit(clock))) {
      // The gap itself proves the silence, whatever order partitions were read in.
      out = new ArrayList<>(2);
      out.add(lost(siteId, clock));
      clock.silent = true;
    }
    if (clock.lastReport != null && at.isAfter(clock.lastReport)) {
      double gap = millisBetween(clock.lastReport, at);
      if (!clock.silent) {
        clock.cadenceMillis = clock.gaps == 0 ? gap
            : clock.cadenceMillis + SMOOTHING * (gap - clock.cadenceMillis);
        clock.gaps++;
      }
    }
    if (clock.silent) {
      clock.silent = false;
      if (out.isEmpty()) {
        out = new ArrayList<>(1);
      }
      out.add(new Transition(siteId, false, at, "reporting again after "
          + Duration.between(clock.lastReport, at)));
    }
    if (clock.lastReport == null || at.isAfter(clock.lastReport)) {
      clock.lastReport = at;
    }
    return out;
  }

  /** The sites that became silent by the current stream time, every site's reports all read. */
  public List<Transition> check() {
    return check(siteId -> true);
  }

  /**
   * The sites that became silent by the current stream time, among those whose reports have
   * all been read ({@code readToEnd}): a site whose reports may still be on their way (its
   * topic not read to its end, or read by another instance) is not judged on their absence.
   */
  public List<Transition> check(Predicate<String> readToEnd) {
    List<Transition> out = new ArrayList<>();
    if (streamTime == null) {
      return out;
    }
    for (Map.Entry<String, SiteClock> e : sites.entrySet()) {
      SiteClock clock = e.getValue();
      if (!readToEnd.test(e.getKey())) {
        continue;
      }
      if (clock.lastReport == null) {
        clock.lastReport = streamTime;
      }
      if (!clock.silent && streamTime.isAfter(clock.lastReport.plus(limit(clock)))) {
        out.add(lost(e.getKey(), clock));
        clock.silent = true;
      }
    }
    out.sort(java.util.Comparator.comparing(Transition::at).thenComparing(Transition::siteId));
    return out;
  }

  private Transition lost(String siteId, SiteClock clock) {
    Duration limit = limit(clock);
    return new Transition(siteId, true, clock.lastReport.plus(limit), "no report for " + limit
        + " (" + silentCadences + " cadences of " + cadence(clock) + ")");
  }

  private Duration cadence(SiteClock clock) {
    return clock.gaps >= LEARNED_AFTER ? Duration.ofMillis(cadenceKey(clock)) : defaultCadence;
  }

  /** The learned cadence in whole milliseconds, or -1 while the default one applies. */
  private static long cadenceKey(SiteClock clock) {
    return clock.gaps >= LEARNED_AFTER ? Math.max(1, Math.round(clock.cadenceMillis)) : -1;
  }

  /** The silence limit, made again only when the cadence in whole milliseconds changed. */
  private Duration limit(SiteClock clock) {
    long key = cadenceKey(clock);
    if (clock.limit == null || clock.limitKey != key) {
      Duration n = times(cadence(clock), silentCadences);
      clock.limit = n.compareTo(minSilence) < 0 ? minSilence : n;
      clock.limitKey = key;
    }
    return clock.limit;
  }

  /** {@code at.isAfter(from.plus(limit))}, without the {@code Instant} in between. */
  static boolean after(Instant at, Instant from, Duration limit) {
    long seconds = Math.subtractExact(Math.subtractExact(at.getEpochSecond(),
        from.getEpochSecond()), limit.getSeconds());
    long nanos = (long) at.getNano() - from.getNano() - limit.getNano(); // in (-2e9, 1e9)
    if (seconds > 1) {
      return true;
    }
    if (seconds < -1) {
      return false;
    }
    return seconds * 1_000_000_000L + nanos > 0;
  }

  /** {@code Duration.between(from, to).toMillis()} for {@code to} after {@code from}. */
  static long millisBetween(Instant from, Instant to) {
    long seconds = Math.subtractExact(to.getEpochSecond(), from.getEpochSecond());
    long nanos = (long) to.getNano() - from.getNano(); // in (-1e9, 1e9)
    return Math.addExact(Math.multiplyExact(seconds, 1000L), Math.floorDiv(nanos, 1_000_000L));
  }

  /**
   * {@code d.multipliedBy(n)}, exactly (an overflow throws as it does), without the
   * {@code BigDecimal} arithmetic {@code multipliedBy} does on every call: this runs on every
   * report (ADR-039).
   */
  static Duration times(Duration d, int n) {
    return Duration.ofSeconds(Math.multiplyExact(d.getSeconds(), (long) n),
        (long) d.getNano() * n);
  }
}
