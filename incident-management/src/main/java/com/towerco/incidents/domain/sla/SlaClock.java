package com.towerco.incidents.domain.sla;

import com.towerco.events.payload.kpi.KpiComputed;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Tenant SLA clocks, driven only by events: every KPI window of a tenancy adds the minutes its
 * DC feed was outside the agreed window ({@code power_availability_pct} of the reported share,
 * {@code reporting_pct}, of the window) to that tenant's month at that site. When the minutes
 * out exceed what the tenancy's availability target allows for the whole month, the month is
 * breached; that moment (the window's end, in event time) is reported once.
 */
public final class SlaClock {
  private final Map<Key, Clock> clocks = new HashMap<>();

  private record Key(String tenantId, String siteId, YearMonth month) {}

  /** Adds one tenancy window; returns the period if this window breached it. */
  public Optional<SlaPeriod> window(KpiComputed kpi, OptionalDouble targetPct) {
    if (kpi.scope() != KpiComputed.KpiScope.TENANCY || kpi.tenantId() == null) {
      return Optional.empty();
    }
    YearMonth month = YearMonth.from(kpi.windowStart().atOffset(ZoneOffset.UTC));
    Clock clock = clocks.computeIfAbsent(new Key(kpi.tenantId(), kpi.siteId(), month),
        k -> new Clock());
    if (clock.last != null && !kpi.windowStart().isAfter(clock.last)) {
      return Optional.empty();
    }
    clock.last = kpi.windowStart();
    clock.until = kpi.windowEnd();
    if (targetPct.isPresent()) {
      clock.target = targetPct.getAsDouble();
    }
    double minutes = Duration.between(kpi.windowStart(), kpi.windowEnd()).toMillis() / 60_000.0;
    double reported = minutes * kpi.values().getOrDefault(KpiComputed.REPORTING_PCT, 0.0) / 100;
    Double availability = kpi.values().get(KpiComputed.POWER_AVAILABILITY_PCT);
    if (availability == null) {
      reported = 0;
    }
    double out = availability == null ? 0 : reported * (100.0 - availability) / 100.0;
    clock.measured += reported;
    clock.unreported += minutes - reported;
    clock.out += out;
    if (out > 0) {
      clock.outage(kpi.windowStart(), kpi.windowEnd(), out);
    }
    SlaPeriod period = clock.period(new Key(kpi.tenantId(), kpi.siteId(), month));
    Double allowed = period.allowedMinutes();
    if (clock.breachedAt == null && allowed != null && period.minutesOutOfWindow() > allowed) {
      clock.breachedAt = kpi.windowEnd();
      return Optional.of(clock.period(new Key(kpi.tenantId(), kpi.siteId(), month)));
    }
    return Optional.empty();
  }

  /** Every site's period of one tenant and month, by site. */
  public List<SlaPeriod> periods(String tenantId, YearMonth month) {
    List<SlaPeriod> periods = new ArrayList<>();
    clocks.forEach((key, clock) -> {
      if (key.tenantId().equals(tenantId) && key.month().equals(month)) {
        periods.add(clock.period(key));
      }
    });
    periods.sort(Comparator.comparing(SlaPeriod::siteId));
    return periods;
  }

  /** Every period, for comparing a rebuilt clock with the live one. */
  public List<SlaPeriod> all() {
    List<SlaPeriod> periods = new ArrayList<>();
    clocks.forEach((key, clock) -> periods.add(clock.period(key)));
    periods.sort(Comparator.comparing(SlaPeriod::tenantId).thenComparing(SlaPeriod::month)
        .thenComparing(SlaPeriod::siteId));
    return periods;
  }

  /** The newest month with data for a tenant. */
  public Optional<YearMonth> latestMonth(String tenantId) {
    return clocks.keySet().stream().filter(k -> k.tenantId().equals(tenantId))
        .map(Key::month).max(Comparator.naturalOrder());
  }

  private static final class Clock {
    private Instant last;
    private Instant until;
    private Double target;
    private double measured;
    private double out;
    private double unreported;
    private final List<SlaPeriod.Outage> outages = new ArrayList<>();
    private Instant breachedAt;

    void outage(Instant start, Instant end, double minutes) {
      int lastIndex = outages.size() - 1;
      if (lastIndex >= 0 && !outages.get(lastIndex).end().isBefore(start)) {
        SlaPeriod.Outage previous = outages.get(lastIndex);
        outages.set(lastIndex, new SlaPeriod.Outage(previous.start(), end,
            SlaPeriod.round(previous.minutes() + minutes)));
      } else {
        outages.add(new SlaPeriod.Outage(start, end, SlaPeriod.round(minutes)));
      }
    }

    SlaPeriod period(Key key) {
      return new SlaPeriod(key.tenantId(), key.siteId(), key.month(), target,
          SlaPeriod.round(measured), SlaPeriod.round(out), SlaPeriod.round(unreported),
          outages, breachedAt, until);
    }
  }
}
