package com.towerco.benchmarks.analytics;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.runtime.SourceRecord;
import java.time.Instant;
import java.util.ArrayList;
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
