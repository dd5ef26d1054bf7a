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

/**
 * Event-time KPI windows for the sites of one input partition set. Readings, alarms and
 * contact losses go in; {@link #advance()} returns every window that stream time (the newest
 * event time seen, less the grace period) has closed. Pure domain logic: no Kafka, no clock.
 * Sites are tracked per input partition so the caller can commit, per partition, an offset a
 * restart can replay from to rebuild exactly the windows still open.
 */
public final class KpiCalculator {
  private final Windowing windowing;
  private final SiteTerms terms;
  private final long silenceMillis;
  private final Map<String, Map<String, SiteWindows>> byPartition = new HashMap<>();
  private long streamTime = Long.MIN_VALUE;
  private long lateReadings;

  public KpiCalculator(Windowing windowing, SiteTerms terms, Duration silence) {
    this.windowing = windowing;
    this.terms = terms;
    this.silenceMillis = silence.toMillis();
  }

  /** Takes a reading; false if it came too late for any open window (not counted). */
  public boolean telemetry(String partition, String siteId, long offset, Instant time,
      SiteTelemetry telemetry) {
    long t = time.toEpochMilli();
    advanceStreamTime(t);
    boolean accepted = site(partition, siteId).reading(Reading.of(t, telemetry), offset,
        tenant -> terms.dcWindow(siteId, tenant));
    if (!accepted) {
      lateReadings++;
    }
    return accepted;
  }

  public void alarmRaised(String partition, String siteId, String alarmId, long offset,
      Instant time) {
    advanceStreamTime(time.toEpochMilli());
    site(partition, siteId).alarmRaised(alarmId, time.toEpochMilli(), offset);
  }

  public void unreachable(String partition, String siteId, Instant time) {
    advanceStreamTime(time.toEpochMilli());
    site(partition, siteId).unreachable(time.toEpochMilli(),
        tenant -> terms.dcWindow(siteId, tenant));
  }

  /** Every window closed by the current stream time, oldest first per site. */
  public List<KpiWindow> advance() {
    List<KpiWindow> out = new ArrayList<>();
    if (streamTime == Long.MIN_VALUE) {
      return out;
    }
    for (Map<String, SiteWindows> sites : byPartition.values()) {
      for (SiteWindows site : sites.values()) {
        for (SiteWindows.ClosedWindow closed : site.close(streamTime, silenceMillis,
            tenant -> terms.dcWindow(site.siteId(), tenant))) {
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
    for (SiteWindows site : byPartition.getOrDefault(partition, Map.of()).values()) {
      long needed = site.firstNeededOffset();
      if (needed >= 0) {
        first = Math.min(first, needed);
      }
    }
    return first;
  }

  /** What to remember with the committed offset: stream time and closed windows per site. */
  public String note(String partition) {
    StringBuilder note = new StringBuilder("v1;stream=").append(streamTime);
    byPartition.getOrDefault(partition, Map.of()).values().forEach(site ->
        note.append(';').append(site.siteId()).append('=').append(site.closedUpTo()));
    return note.toString();
  }

  /** Restores what {@link #note} wrote, before the partition's records are replayed. */
  public void resume(String partition, String note) {
    if (note == null || !note.startsWith("v1;")) {
      return;
    }
    for (String part : note.substring(3).split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = part.substring(0, eq);
      long value = Long.parseLong(part.substring(eq + 1));
      if (key.equals("stream")) {
        advanceStreamTime(value);
      } else if (value != Long.MIN_VALUE) {
        site(partition, key).resume(value);
      }
    }
  }

  /** The partition went to another instance: drop its sites' state. */
  public void forget(String partition) {
    byPartition.remove(partition);
  }

  public Optional<Instant> streamTime() {
    return streamTime == Long.MIN_VALUE ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(streamTime));
  }

  /** Readings that arrived after their window had closed (not counted). */
  public long lateReadings() {
    return lateReadings;
  }

  private void advanceStreamTime(long t) {
    streamTime = Math.max(streamTime, t);
  }

  private SiteWindows site(String partition, String siteId) {
    return byPartition.computeIfAbsent(partition, p -> new LinkedHashMap<>())
        .computeIfAbsent(siteId, s -> new SiteWindows(s, windowing));
  }

  private KpiWindow toKpis(SiteWindows.ClosedWindow closed) {
    long windowMs = closed.end() - closed.start();
    Map<String, Map<String, Double>> tenancies = new LinkedHashMap<>();
    closed.totals().tenancies().forEach((tenant, acc) ->
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
