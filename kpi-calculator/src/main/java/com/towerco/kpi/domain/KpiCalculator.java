package com.towerco.kpi.domain;

import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Event-time KPI windows for the sites of one input partition set. Readings, alarms and
 * contact losses go in; {@link #advance()} returns every window that stream time (the newest
 * event time seen, less the grace period) has closed. Pure domain logic: no Kafka, no clock.
 *
 * <p>Stream time is kept per site (and per input partition), and a site's windows are closed by
 * its own stream time: a partition that moves to this instance and replays older records (after
 * a kill or a rebalance) rebuilds its open windows with all their readings, whatever the other
 * partitions' time; one device with its clock ahead closes only its own site's windows, also
 * when its partition carries many sites (a site group's partition, ADR-029). A site that
 * delivers nothing while the instance's reference time moves on by {@code max-gap} (a silent
 * site: its last state has run out), in a partition the consumer has read to its end, has its
 * windows closed by the reference time, so it still gets its windows (and empty ones, until
 * {@code silence}). The
 * reference time is the newest partition stream time, leaving out the one (of three or more;
 * a tenth of many) furthest ahead so that a runaway clock does not set it.
 *
 * <p>Sites are tracked per input partition so the caller can commit, per partition, an offset
 * a restart can replay from to rebuild exactly the windows still open, and a note with that
 * partition's stream time and what its sites already emitted.
 */
public final class KpiCalculator {
  private static final String NOTE_VERSION = "v2;";

  private final Windowing windowing;
  private final SiteTerms terms;
  private final long silenceMillis;
  private final long idleMillis;
  private final Map<String, PartitionWindows> byPartition = new HashMap<>();
  private long reference = Long.MIN_VALUE;
  private long lateReadings;

  public KpiCalculator(Windowing windowing, SiteTerms terms, Duration silence) {
    this.windowing = windowing;
    this.terms = terms;
    this.silenceMillis = silence.toMillis();
    this.idleMillis = windowing.maxGap().toMillis();
  }

  /** Takes a reading; false if it came too late for any open window (not counted). */
  public boolean telemetry(String partition, String siteId, long offset, Instant time,
      SiteTelemetry telemetry) {
    return reading(partition, siteId, offset, Reading.of(time.toEpochMilli(), telemetry));
  }

  /**
   * Takes a reading already reduced to what KPIs are made of (a projected read, ADR-037);
   * false if it came too late for any open window (not counted).
   */
  public boolean reading(String partition, String siteId, long offset, Reading reading) {
    boolean accepted = event(partition, siteId, reading.timeMillis()).reading(reading, offset);
    if (!accepted) {
      lateReadings++;
    }
    return accepted;
  }

  public void alarmRaised(String partition, String siteId, String alarmId, long offset,
      Instant time) {
    event(partition, siteId, time.toEpochMilli())
        .alarmRaised(alarmId, time.toEpochMilli(), offset);
  }

  public void unreachable(String partition, String siteId, Instant time) {
    event(partition, siteId, time.toEpochMilli()).unreachable(time.toEpochMilli());
  }

  /**
   * Every window closed by its partition's stream time, oldest first per site, as if every
   * partition were read to its end (an offline replay).
   */
  public List<KpiWindow> advance() {
    return advance(partition -> true);
  }

  /**
   * Every window closed by its site's stream time, oldest first per site. A site that delivers
   * nothing is closed by the reference time only if {@code caughtUp} says everything written
   * to its partition has been read: a partition whose records are held up (its leader away
   * during a broker failover, a backlog not fetched yet) keeps its sites' windows open until
   * they arrive.
   */
  public List<KpiWindow> advance(Predicate<String> caughtUp) {
    reference = referenceTime();
    List<KpiWindow> out = new ArrayList<>();
    for (Map.Entry<String, PartitionWindows> entry : byPartition.entrySet()) {
      boolean readToEnd = caughtUp.test(entry.getKey());
      for (SiteWindows site : entry.getValue().sites()) {
        long closing = site.closingTime(reference, idleMillis, readToEnd);
        if (closing == Long.MIN_VALUE) {
          continue;
        }
        for (SiteWindows.ClosedWindow closed : site.close(closing, silenceMillis)) {
          out.add(toKpis(closed));
        }
      }
    }
    return out;
  }

  /**
   * The offset to commit for a partition whose next record is {@code position}: the first
   * record any open window of its sites still needs, or {@code position} if none.
   */
  public long committable(String partition, long position) {
    long first = position;
    PartitionWindows windows = byPartition.get(partition);
    if (windows == null) {
      return first;
    }
    for (SiteWindows site : windows.sites()) {
      long needed = site.firstNeededOffset();
      if (needed >= 0) {
        first = Math.min(first, needed);
      }
    }
    return first;
  }

  /**
   * What to remember with the committed offset: the partition's stream time and what its
   * sites already emitted.
   */
  public String note(String partition) {
    PartitionWindows windows = byPartition.get(partition);
    StringBuilder note = new StringBuilder(NOTE_VERSION).append("stream=")
        .append(windows == null ? Long.MIN_VALUE : windows.streamTime());
    if (windows != null) {
      windows.sites().forEach(site ->
          note.append(';').append(site.siteId()).append('=').append(site.closedUpTo()));
    }
    return note.toString();
  }

  /**
   * Restores what {@link #note} wrote, before the partition's records are replayed. A
   * {@code v1} note (one stream time for the whole instance that wrote it) restores the sites'
   * closed windows but not its stream time, which may belong to another partition: the replay
   * sets the partition's own. The reference time takes the restored stream time at once.
   */
  public void resume(String partition, String note) {
    PartitionWindows windows = partition(partition);
    if (note == null || !(note.startsWith(NOTE_VERSION) || note.startsWith("v1;"))) {
      return;
    }
    boolean ownStreamTime = note.startsWith(NOTE_VERSION);
    for (String part : note.substring(3).split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = part.substring(0, eq);
      long value = Long.parseLong(part.substring(eq + 1));
      if (key.equals("stream")) {
        if (ownStreamTime && value != Long.MIN_VALUE) {
          windows.resumeStreamTime(value);
        }
      } else if (value != Long.MIN_VALUE) {
        SiteWindows site = windows.site(key, windowing, terms);
        site.resume(value);
        site.seenAt(windows.streamTime());
      }
    }
    // The restored stream time is part of the reference time from now on, not only from the
    // next window check: a site that reports before that check is seen at this reference, so
    // it is not judged silent by a reference that had already passed when it reported.
    reference = referenceTime();
  }

  /** The partition went to another instance: drop its sites' state and its stream time. */
  public void forget(String partition) {
    byPartition.remove(partition);
  }

  /** The newest stream time of any partition of this instance. */
  public Optional<Instant> streamTime() {
    long newest = Long.MIN_VALUE;
    for (PartitionWindows windows : byPartition.values()) {
      newest = Math.max(newest, windows.streamTime());
    }
    return newest == Long.MIN_VALUE ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(newest));
  }

  /** Readings that arrived after their window had closed (not counted). */
  public long lateReadings() {
    return lateReadings;
  }

  private SiteWindows event(String partition, String siteId, long time) {
    PartitionWindows windows = partition(partition);
    windows.event(time);
    SiteWindows site = windows.site(siteId, windowing, terms);
    site.event(time, reference);
    return site;
  }

  private PartitionWindows partition(String partition) {
    PartitionWindows windows = byPartition.get(partition);
    if (windows == null) {
      windows = new PartitionWindows();
      byPartition.put(partition, windows);
    }
    return windows;
  }

  /**
   * The newest partition stream time once the partitions furthest ahead are left out: none of
   * one or two partitions, one of three to nineteen, a tenth of more.
   */
  private long referenceTime() {
    long[] times = byPartition.values().stream().mapToLong(PartitionWindows::streamTime)
        .filter(t -> t != Long.MIN_VALUE).sorted().toArray();
    if (times.length == 0) {
      return Long.MIN_VALUE;
    }
    int leftOut = times.length < 3 ? 0 : Math.max(1, times.length / 10);
    return times[times.length - 1 - leftOut];
  }

  private KpiWindow toKpis(SiteWindows.ClosedWindow closed) {
    long windowMs = closed.end() - closed.start();
    Map<String, Map<String, Double>> tenancies = new LinkedHashMap<>();
    closed.totals().forEachTenancy((tenant, acc) ->
        tenancies.put(tenant, acc.values(windowMs)));
    for (String tenant : terms.tenants(closed.siteId())) {
      tenancies.computeIfAbsent(tenant,
          t -> new WindowAccumulator.TenancyAccumulator().values(windowMs));
    }
    return new KpiWindow(closed.siteId(), terms.region(closed.siteId()),
        Instant.ofEpochMilli(closed.start()), Instant.ofEpochMilli(closed.end()),
        closed.totals().samples(), closed.totals().siteValues(windowMs), tenancies);
  }
}
