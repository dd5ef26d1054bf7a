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
    List<Transition> out = new ArrayList<>();
    if (!clock.silent && clock.lastReport != null
        && at.isAfter(clock.lastReport.plus(limit(clock)))) {
      // The gap itself proves the silence, whatever order partitions were read in.
      out.add(lost(siteId, clock));
      clock.silent = true;
    }
    if (clock.lastReport != null && at.isAfter(clock.lastReport)) {
      double gap = Duration.between(clock.lastReport, at).toMillis();
      if (!clock.silent) {
        clock.cadenceMillis = clock.gaps == 0 ? gap
            : clock.cadenceMillis + SMOOTHING * (gap - clock.cadenceMillis);
        clock.gaps++;
      }
    }
    if (clock.silent) {
      clock.silent = false;
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
    return clock.gaps >= LEARNED_AFTER ? Duration.ofMillis(Math.max(1, Math.round(
        clock.cadenceMillis))) : defaultCadence;
  }

  private Duration limit(SiteClock clock) {
    Duration n = times(cadence(clock), silentCadences);
    return n.compareTo(minSilence) < 0 ? minSilence : n;
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
