package com.towerco.benchmarks.analytics;

import com.sun.management.OperatingSystemMXBean;
import com.towerco.analytics.domain.KpiHistory;
import com.towerco.analytics.domain.KpiMeasure;
import com.towerco.analytics.domain.Projector;
import com.towerco.analytics.domain.StoredRow;
import com.towerco.analytics.domain.TimeRange;
import com.towerco.analytics.ingest.IngestHandler;
import com.towerco.analytics.ingest.IngestMetrics;
import com.towerco.analytics.ingest.IngestSettings;
import com.towerco.analytics.jdbc.AnalyticsQueries;
import com.towerco.analytics.jdbc.BaselineCopy;
import com.towerco.analytics.jdbc.Database;
import com.towerco.analytics.jdbc.EventSink;
import com.towerco.analytics.jdbc.KpiRollup;
import com.towerco.platform.metrics.PlatformMetrics;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;

/**
 * The analytics benchmarks, for {@code main}: (1) site telemetry stored by the sink as the
 * consumer runtime drives it (projection, event-id window, batches written by its writer
 * thread with their positions, one transaction each) against a raw bulk load (appender or
 * COPY) of the same rows into the same table in the same run, printed with their ratio and
 * where the sink's time went; (2) query latency over a month of 5-minute KPI history at
 * {@code sites} sites, from the windows and from the hourly rollup. It needs an EMPTY store
 * (it truncates what it writes).
 */
public final class AnalyticsBenchmark {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final int POLL = 500;
  /** The service's defaults; {@code -Dbatch=} and {@code -Dmax-buffered=} try others. */
  private static final IngestSettings SETTINGS = new IngestSettings(
      Integer.getInteger("batch", IngestSettings.defaults().batchEvents()),
      Integer.getInteger("max-buffered", IngestSettings.defaults().maxBufferedEvents()),
      IngestSettings.defaults().flushInterval(), IngestSettings.defaults().maxRetryBackoff())
      // ADR-061: the writer's transaction spans batches up to these (-Dcommit-events=1 commits
      // every batch, as before it)
      .withCommit(Integer.getInteger("commit-events", IngestSettings.DEFAULT_COMMIT_EVENTS),
          java.time.Duration.ofMillis(Long.getLong("commit-ms",
              IngestSettings.DEFAULT_COMMIT_INTERVAL.toMillis())),
          // ADR-072: and once the input pauses this long (0: never)
          java.time.Duration.ofMillis(Long.getLong("commit-idle-ms",
              IngestSettings.DEFAULT_COMMIT_IDLE.toMillis())));

  /**
   * Events of one site delivered in a row ({@code -Dsite-run=}; 1: the sites interleaved).
   * Runs longer than the id horizon in event time read the partitions in turn far apart in
   * event time, as the consumer does when each fetch returns a long run of one partition.
   */
  private static final int SITE_RUN = Integer.getInteger("site-run", 1);

  /**
   * A site's KPI windows (site and two tenancies) after every this many of its readings
   * ({@code -Dkpi-every=}; 0: telemetry only). 60 gives the pipeline bench's one window row
   * per 20 telemetry rows, which the writer stages and merges with the hourly rollup.
   */
  private static final int KPI_EVERY = Integer.getInteger("kpi-every", 0);

  private AnalyticsBenchmark() {}

  /** Options: the store, telemetry events for the ingest run, and the fleet for the query run. */
  public record Options(String jdbcUrl, String user, String password, int events, int sites,
      int days) {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:duckdb:target/bench/analytics.duckdb";
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 400_000;
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
      if (o.events() > 0) {
        ingest(db, baseline, o.events(), out);
      }
      if (o.days() > 0) {
        queries(db, baseline, o.sites(), o.days(), out);
      }
      baseline.truncate();
    }
  }

  private static void ingest(Database db, BaselineCopy baseline, int events, PrintStream out)
      throws Exception {
    List<TelemetryEvents.Consumed> input = TelemetryEvents.withKpiWindows(
        TelemetryEvents.inSiteRuns(TelemetryEvents.generate(events, 1_000, START), 1_000,
            SITE_RUN), KPI_EVERY);
    int batch = SETTINGS.batchEvents();
    // Warm both paths (JIT, caches) on a quarter of the events, then measure each on empty
    // tables, raw first, twice, alternating, so both see the machine in the same state.
    List<TelemetryEvents.Consumed> warm = input.subList(0, events / 4);
    sink(db, warm);
    baseline.truncate();
    raw(baseline, warm, batch);
    baseline.truncate();
    out.printf("ingest: %,d site.telemetry events (%d bytes each), 1,000 sites in runs of %d"
        + " (10 s apart in event time), batches of %,d; %,d KPI windows%n", events,
        input.get(0).source().value().length, SITE_RUN, batch, input.size() - events);
    for (int round = 1; round <= 2; round++) {
      Measured raw = measure(() -> raw(baseline, input, batch));
      String copied = fingerprint(db, "raw_events") + fingerprint(db, "kpi_windows");
      baseline.truncate();
      SinkRun[] sinkRun = new SinkRun[1];
      Measured sink = measure(() -> sinkRun[0] = sink(db, input));
      long stored = baseline.count("raw_events");
      String sunk = fingerprint(db, "raw_events") + fingerprint(db, "kpi_windows");
      out.printf("  stored rows (count, sum of row hashes) %s the bulk load's: %s%n",
          sunk.equals(copied) ? "EQUAL to" : "DIFFERENT from", sunk);
      baseline.truncate();
      double rawRate = events / raw.seconds();
      double sinkRate = events / sink.seconds();
      out.printf("round %d:%n", round);
      out.printf("  raw bulk load (%s, no checks/offsets): %,9.0f events/s  %,9.0f per CPU-s%n",
          db.dialect().isPostgres() ? "COPY" : "appender", rawRate, events / raw.cpuSeconds());
      out.printf("  analytics sink (exactly-once):        %,9.0f events/s  %,9.0f per CPU-s"
          + "  (%,d stored)%n", sinkRate, events / sink.cpuSeconds(), stored);
      out.printf("  ratio sink / raw: %.2f%n", sinkRate / rawRate);
      out.printf("  sink: consumer thread busy %.2f s of %.2f s; writer: %s%n",
          sinkRun[0].consumerNanos() / 1e9, sink.seconds(), sinkRun[0].writes());
      out.printf("  CPU per event in this process: consumer thread %.1f us, writer thread"
          + " %.1f us (a core each: at most %,.0f events/s, a database server aside)%n", sinkRun[0].consumerCpuNanos() / 1e3 / events,
          sinkRun[0].writerCpuNanos() / 1e3 / events, 1e9 * events / Math.max(
              sinkRun[0].consumerCpuNanos(), sinkRun[0].writerCpuNanos()));
      out.printf("  writer thread allocation per event: %,.0f bytes%n",
          (double) sinkRun[0].writerAllocated() / events);
    }
  }

  /**
   * A table's rows as a count and an order-free sum of row hashes (DuckDB), the KPI windows
   * without the stage-only offset: equal for the sink and the bulk load of the same input
   * when the sink stores exactly those rows.
   */
  private static String fingerprint(Database db, String table) throws SQLException {
    if (db.dialect().isPostgres()) {
      return "";
    }
    try (java.sql.Connection c = db.connection(); java.sql.Statement s = c.createStatement()) {
      List<String> columns = new ArrayList<>();
      try (java.sql.ResultSet rs = s.executeQuery("SELECT column_name FROM"
          + " information_schema.columns WHERE table_name = '" + table + "'"
          + " ORDER BY ordinal_position")) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
      try (java.sql.ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(hash("
          + String.join(", ", columns) + ")::HUGEINT), 0) FROM " + table)) {
        rs.next();
        return String.format(" %s %,d/%s", table, rs.getLong(1), rs.getString(2));
      }
    }
  }

  /** What the sink run did besides its wall time. */
  private record SinkRun(long consumerNanos, long consumerCpuNanos, long writerCpuNanos,
      long writerAllocated, String writes) {}

  /** Wall and process CPU time of a run. */
  private record Measured(double seconds, double cpuSeconds) {}

  private interface Run {
    void run() throws Exception;
  }

  private static Measured measure(Run run) throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long t = System.nanoTime();
    run.run();
    return new Measured((System.nanoTime() - t) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9);
  }

  /** Drives the handler as the consumer runtime does: polls of 500, a commit every second. */
  private static SinkRun sink(Database db, List<TelemetryEvents.Consumed> events)
      throws Exception {
    EventSink sink = new EventSink(db, "bench");
    sink.times().reset();
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      IngestHandler handler = new IngestHandler(new Projector(), sink, SETTINGS,
          (source, detail) -> {
            throw new IllegalStateException("refused: " + detail);
          }, metrics.forService("bench"), new IngestMetrics(metrics.registry()));
      Map<TopicPartition, Long> positions = new HashMap<>();
      // Assigned every partition at the start, as the runtime tells the handler.
      java.util.Set<TopicPartition> assigned = new java.util.LinkedHashSet<>();
      for (TelemetryEvents.Consumed e : events) {
        assigned.add(new TopicPartition(e.source().topic(), e.source().partition()));
      }
      handler.storedOffsets(assigned);
      long busy = 0;
      long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long lastCommit = System.nanoTime();
      for (int from = 0; from < events.size(); from += POLL) {
        long t = System.nanoTime();
        for (TelemetryEvents.Consumed e : events.subList(from,
            Math.min(events.size(), from + POLL))) {
          handler.handle(e.envelope(), e.source());
          positions.put(new TopicPartition(e.source().topic(), e.source().partition()),
              e.source().offset() + 1);
        }
        handler.afterBatch();
        if (t - lastCommit > 1_000_000_000L) {
          positions.forEach(handler::committable);
          handler.beforeCommit();
          lastCommit = t;
        }
        busy += System.nanoTime() - t;
        while (handler.backpressured()) {
          // The runtime pauses the consumer; a poll of paused partitions waits its 200 ms.
          Thread.sleep(200);
          handler.afterBatch();
        }
      }
      cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
      handler.close();
      return new SinkRun(busy, cpu, sink.times().cpuNanos(), sink.times().allocatedTotal(),
          sink.times().summary());
    }
  }

  private static void raw(BaselineCopy baseline, List<TelemetryEvents.Consumed> events,
      int batch) {
    Projector projector = new Projector();
    try {
      for (int from = 0; from < events.size(); from += batch) {
        List<StoredRow> rows = new ArrayList<>(batch);
        for (TelemetryEvents.Consumed e : events.subList(from,
            Math.min(events.size(), from + batch))) {
          rows.addAll(projector.project(e.envelope(), e.source().topic(),
              e.source().partition(), e.source().offset(), e.source().value()));
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
    out.printf("query: %,d sites x %d days of 5-minute windows = %,d rows loaded in %.1f s%n",
        sites, days, windows, (System.nanoTime() - started) / 1e9);
    TimeRange month = new TimeRange(START, START.plus(Duration.ofDays(days)));
    long rollupStarted = System.nanoTime();
    try (java.sql.Connection c = db.connection()) {
      KpiRollup.rebuild(c, db.dialect(), month);
    }
    baseline.analyze();
    out.printf("  hourly rollup built in %.1f s (%,d rows)%n",
        (System.nanoTime() - rollupStarted) / 1e9, baseline.count("kpi_hourly"));
    for (boolean rollup : new boolean[] {false, true}) {
      out.printf(" %s:%n", rollup ? "reading the hourly rollup where it covers the query"
          : "reading the 5-minute windows");
      AnalyticsQueries q = new AnalyticsQueries(db.dataSource(), "towerco", rollup);
      latency(out, "one site, month, 1h buckets", () -> q.kpiHistory(KpiHistory.Level.SITE,
          "B7", Optional.empty(), KpiMeasure.POWER_AVAILABILITY_PCT, month,
          Duration.ofHours(1)));
      latency(out, "one region (1/10 of sites), month, 1d buckets", () -> q.kpiHistory(
          KpiHistory.Level.REGION, "R3", Optional.empty(), KpiMeasure.POWER_AVAILABILITY_PCT,
          month, Duration.ofDays(1)));
      latency(out, "whole fleet, month, 1d buckets (fuel)", () -> q.kpiHistory(
          KpiHistory.Level.TENANT, "towerco", Optional.empty(), KpiMeasure.FUEL_CONSUMED_L,
          month, Duration.ofDays(1)));
      latency(out, "top 10 sites by downtime, month", () -> q.topDowntime(month,
          Optional.empty(), Optional.empty(), 10));
    }
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

  private static StoredRow.KpiWindow window(int site, Instant start, int step) {
    double power = (site * 31 + step) % 97 == 0 ? 40.0 : 100.0;
    return new StoredRow.KpiWindow("towerco", "site", "B" + site, "", "R" + (site % 10), start,
        start.plusSeconds(300), 300, 30, power, 98.0, 0.0, 0.3, 80.0, 1.1, 0.0, 100.0,
        "w" + site + "-" + step, step);
  }
}
