package com.towerco.analytics.bench;

import com.towerco.analytics.domain.KpiHistory;
import com.towerco.analytics.domain.KpiMeasure;
import com.towerco.analytics.domain.Projector;
import com.towerco.analytics.domain.StoredRow;
import com.towerco.analytics.domain.TimeRange;
import com.towerco.analytics.jdbc.AnalyticsQueries;
import com.towerco.analytics.jdbc.BaselineCopy;
import com.towerco.analytics.jdbc.Database;
import com.towerco.analytics.jdbc.EventSink;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.payload.KpiComputed;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;

/**
 * The analytics benchmarks, for {@code towerco bench} or {@code main}: (1) events per second
 * stored by the sink (projection, staging, idempotent merge, offsets, one transaction per
 * batch) against a raw bulk load (COPY or appender) of the same rows into the same database in
 * the same run, printed with their ratio; (2) query latency over a month of 5-minute KPI
 * history at {@code sites} sites. It needs an EMPTY store (it truncates what it writes).
 */
public final class AnalyticsBenchmark {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final int BATCH = 5_000;

  private AnalyticsBenchmark() {}

  /** Options: the store, events for the ingest run, and the fleet for the query run. */
  public record Options(String jdbcUrl, String user, String password, int events, int sites,
      int days) {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:duckdb:target/bench/analytics.duckdb";
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int sites = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    int days = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    String user = System.getenv().getOrDefault("ANALYTICS_BENCH_USER",
        url.startsWith("jdbc:postgresql:") ? "postgres" : null);
    run(new Options(url, user, System.getenv("ANALYTICS_BENCH_PASSWORD"), events, sites, days),
        System.out);
  }

  public static void run(Options o, PrintStream out) throws Exception {
    try (Database db = Database.open(o.jdbcUrl(), o.user(), o.password(),
        Database.Timescale.AUTO, 4)) {
      BaselineCopy baseline = new BaselineCopy(db);
      if (baseline.count("raw_events") > 0 || baseline.count("kpi_windows") > 0) {
        throw new IllegalStateException("the benchmark needs an empty analytics store");
      }
      out.printf("analytics bench on %s (%s)%n", db.dialect(), o.jdbcUrl());
      ingest(db, baseline, o.events(), out);
      queries(db, baseline, o.sites(), o.days(), out);
      baseline.truncate();
    }
  }

  private static void ingest(Database db, BaselineCopy baseline, int events, PrintStream out)
      throws SQLException {
    List<byte[]> encoded = new ArrayList<>(events);
    List<Envelope> envelopes = new ArrayList<>(events);
    EventCodec codec = new EventCodec();
    for (int i = 0; i < events; i++) {
      Envelope e = kpiEvent("B" + (i % 1000), START.plusSeconds(300L * (i / 1000)));
      envelopes.add(e);
      encoded.add(codec.encode(e));
    }
    // Warm both paths (JIT, caches), then measure each on empty tables.
    int warm = Math.min(events, 20_000);
    sink(db, envelopes.subList(0, warm), encoded.subList(0, warm));
    baseline.truncate();
    raw(baseline, envelopes.subList(0, warm), encoded.subList(0, warm));
    baseline.truncate();

    double rawRate = rate(events, () -> raw(baseline, envelopes, encoded));
    baseline.truncate();
    double sinkRate = rate(events, () -> sink(db, envelopes, encoded));
    long stored = baseline.count("raw_events");
    baseline.truncate();
    out.printf("ingest: %,d kpi.computed events (2 rows each), batches of %,d%n", events, BATCH);
    out.printf("  raw bulk load (%s, no dedup/offsets): %,.0f events/s%n",
        db.dialect().isPostgres() ? "COPY" : "appender", rawRate);
    out.printf("  analytics sink (exactly-once):        %,.0f events/s  (%,d stored)%n",
        sinkRate, stored);
    out.printf("  ratio sink / raw: %.2f%n", sinkRate / rawRate);
  }

  private static void sink(Database db, List<Envelope> events, List<byte[]> encoded) {
    EventSink sink = new EventSink(db, "bench");
    Projector projector = new Projector();
    TopicPartition tp = new TopicPartition("towerco.kpis.towerco.metrics", 0);
    try {
      for (int from = 0; from < events.size(); from += BATCH) {
        int to = Math.min(events.size(), from + BATCH);
        List<StoredRow> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
          rows.addAll(projector.project(events.get(i), tp.topic(), 0, i, encoded.get(i)));
        }
        sink.write(rows, Map.of(tp, (long) to));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void raw(BaselineCopy baseline, List<Envelope> events, List<byte[]> encoded) {
    Projector projector = new Projector();
    try {
      for (int from = 0; from < events.size(); from += BATCH) {
        int to = Math.min(events.size(), from + BATCH);
        List<StoredRow> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
          rows.addAll(projector.project(events.get(i), "towerco.kpis.towerco.metrics", 0, i,
              encoded.get(i)));
        }
        baseline.copy(rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void queries(Database db, BaselineCopy baseline, int sites, int days,
      PrintStream out) throws SQLException {
    long windows = (long) sites * days * 288;
    long started = System.nanoTime();
    List<StoredRow> batch = new ArrayList<>(100_000);
    for (int d = 0; d < days * 288; d++) {
      Instant start = START.plusSeconds(300L * d);
      for (int s = 0; s < sites; s++) {
        batch.add(window(s, start, d));
        if (batch.size() == 100_000) {
          baseline.copy(batch);
          batch.clear();
        }
      }
    }
    baseline.copy(batch);
    baseline.analyze();
    out.printf("query: %,d sites x %d days of 5-minute windows = %,d rows loaded in %.1f s%n",
        sites, days, windows, (System.nanoTime() - started) / 1e9);
    AnalyticsQueries q = new AnalyticsQueries(db.dataSource(), "towerco");
    TimeRange month = new TimeRange(START, START.plus(Duration.ofDays(days)));
    latency(out, "one site, month, 1h buckets", () -> q.kpiHistory(KpiHistory.Level.SITE,
        "B7", Optional.empty(), KpiMeasure.POWER_AVAILABILITY_PCT, month, Duration.ofHours(1)));
    latency(out, "one region (1/10 of sites), month, 1d buckets", () -> q.kpiHistory(
        KpiHistory.Level.REGION, "R3", Optional.empty(), KpiMeasure.POWER_AVAILABILITY_PCT,
        month, Duration.ofDays(1)));
    latency(out, "whole fleet, month, 1d buckets (fuel)", () -> q.kpiHistory(
        KpiHistory.Level.TENANT, "towerco", Optional.empty(), KpiMeasure.FUEL_CONSUMED_L,
        month, Duration.ofDays(1)));
    latency(out, "top 10 sites by downtime, month", () -> q.topDowntime(month,
        Optional.empty(), Optional.empty(), 10));
  }

  private static void latency(PrintStream out, String name, Supplier<?> query) {
    for (int i = 0; i < 3; i++) {
      query.get();
    }
    double[] ms = new double[15];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      query.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    out.printf("  %-48s p50 %8.1f ms   max %8.1f ms%n", name, ms[ms.length / 2],
        ms[ms.length - 1]);
  }

  private static double rate(int events, Runnable run) {
    long t = System.nanoTime();
    run.run();
    return events / ((System.nanoTime() - t) / 1e9);
  }

  private static Envelope kpiEvent(String site, Instant start) {
    KpiComputed k = new KpiComputed(KpiComputed.KpiScope.SITE, site, null, "R1", start,
        start.plusSeconds(300), 30, Map.of(KpiComputed.POWER_AVAILABILITY_PCT, 99.5,
            KpiComputed.GRID_AVAILABILITY_PCT, 97.0, KpiComputed.FUEL_CONSUMED_L, 0.4,
            KpiComputed.ENERGY_KWH, 1.2));
    return Envelope.of(EventIds.random(), "towerco", site, start.plusSeconds(300), k,
        Map.of("producer", "bench"));
  }

  private static StoredRow.KpiWindow window(int site, Instant start, int step) {
    double power = (site * 31 + step) % 97 == 0 ? 40.0 : 100.0;
    return new StoredRow.KpiWindow("towerco", "site", "B" + site, "", "R" + (site % 10), start,
        start.plusSeconds(300), 300, 30, power, 98.0, 0.0, 0.3, 80.0, 1.1, 0.0, 100.0,
        "w" + site + "-" + step, step);
  }
}
