package com.towerco.benchmarks.analytics;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.runtime.SourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's input: site telemetry as the consumer runtime hands it to the sink, a decoded
 * envelope and the exact bytes consumed (about 800 bytes each), from {@code sites} sites that
 * report every ten seconds, each site on its own topic. Generated before the clock starts.
 */
final class TelemetryEvents {
  /** One consumed event. */
  record Consumed(Envelope envelope, SourceRecord source) {}

  private TelemetryEvents() {}

  static List<Consumed> generate(int count, int sites, Instant start) {
    EventCodec codec = new EventCodec();
    List<Consumed> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int site = i % sites;
      String siteId = String.format("T%05d", site);
      Envelope e = Envelope.of(EventIds.random(), "towerco", siteId,
          start.plusSeconds(10L * (i / sites)), reading(site, i / sites),
          Map.of("producer", "bench"));
      events.add(new Consumed(e, new SourceRecord("towerco.sites." + siteId + ".events", 0,
          i / sites, siteId, codec.encode(e), e.timestamp().toEpochMilli())));
    }
    return events;
  }

  /**
   * The same events reordered so each site's come {@code run} in a row, the sites taking
   * turns (each site's own events stay in order); {@code run} 1 leaves them interleaved.
   */
  static List<Consumed> inSiteRuns(List<Consumed> events, int sites, int run) {
    if (run <= 1) {
      return events;
    }
    List<Consumed> reordered = new ArrayList<>(events.size());
    int perSite = (events.size() + sites - 1) / sites;
    for (int from = 0; from < perSite; from += run) {
      for (int site = 0; site < sites; site++) {
        for (int step = from; step < Math.min(perSite, from + run); step++) {
          int i = step * sites + site;
          if (i < events.size()) {
            reordered.add(events.get(i));
          }
        }
      }
    }
    return reordered;
  }

  /**
   * The events with the KPI windows the calculator publishes for them, as the pipeline bench
   * feeds the sink: after every {@code readings} readings of a site, its windows over them
   * (the site and its two tenancies) on the tenant's KPI topic, four partitions keyed by site.
   * With {@code readings} 60 that is one window row per 20 telemetry rows, the pipeline
   * bench's ratio (readings 1 s apart, one-minute windows, three scopes). 0: none.
   */
  static List<Consumed> withKpiWindows(List<Consumed> events, int readings) {
    if (readings <= 0) {
      return events;
    }
    EventCodec codec = new EventCodec();
    List<Consumed> mixed = new ArrayList<>(events.size() + events.size() * 3 / readings + 3);
    Map<String, Integer> seen = new HashMap<>();
    long[] offsets = new long[4];
    for (Consumed c : events) {
      mixed.add(c);
      String site = c.envelope().siteId();
      int n = seen.merge(site, 1, Integer::sum);
      if (n % readings != 0) {
        continue;
      }
      java.time.Instant end = c.envelope().timestamp();
      java.time.Instant start = end.minusSeconds(10L * readings);
      int partition = Math.floorMod(site.hashCode(), offsets.length);
      for (String tenancy : new String[] {null, "altel", "borealis"}) {
        KpiComputed kpi = new KpiComputed(tenancy == null ? KpiComputed.KpiScope.SITE
            : KpiComputed.KpiScope.TENANCY, site, tenancy, "R" + Math.floorMod(
            site.hashCode(), 10), start, end, readings, Map.of(
            KpiComputed.POWER_AVAILABILITY_PCT, 100.0, KpiComputed.GRID_AVAILABILITY_PCT,
            100.0, KpiComputed.GENERATOR_RUN_S, 0.0, KpiComputed.FUEL_CONSUMED_L,
            0.1 * (n % 7), KpiComputed.BATTERY_MIN_SOC_PCT, 98.0,
            KpiComputed.ENERGY_KWH, 1.5, KpiComputed.ALARMS_RAISED, 0.0,
            KpiComputed.REPORTING_PCT, 100.0));
        Envelope e = Envelope.of(EventIds.random(), "towerco", site, end, kpi,
            Map.of("producer", "bench"));
        mixed.add(new Consumed(e, new SourceRecord("towerco.kpis.towerco.metrics", partition,
            offsets[partition]++, site, codec.encode(e), end.toEpochMilli())));
      }
    }
    return mixed;
  }

  /** A healthy grid-fed site whose readings drift a little from one report to the next. */
  private static SiteTelemetry reading(int site, int step) {
    double v = (step % 97) * 0.37 + site % 7 * 0.11;
    return new SiteTelemetry(
        new SiteTelemetry.Mains(true, 228.0 + v),
        new SiteTelemetry.Generator(false, false, 1200.0 + v * 10, 0),
        new SiteTelemetry.Rectifier(53.4 + v / 10, 38.0 + v, 4, 4),
        new SiteTelemetry.Battery(53.2 + v / 20, 99.0 - v / 10, 26.0 + v / 3, 0.8),
        null,
        new SiteTelemetry.Fuel(800.0 - v, 1000),
        new SiteTelemetry.Environment(29.0 + v, 26.0 + v / 2),
        new SiteTelemetry.Hvac(SiteTelemetry.HvacState.ON),
        new SiteTelemetry.Door(false),
        List.of(new SiteTelemetry.TenantSupply("altel", 53.4 + v / 10, 1.1 + v / 10),
            new SiteTelemetry.TenantSupply("borealis", 53.4 + v / 10, 0.9 + v / 10)));
  }
}
