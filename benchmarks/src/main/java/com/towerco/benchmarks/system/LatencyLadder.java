package com.towerco.benchmarks.system;

import com.towerco.platform.PlatformConfig;
import com.towerco.platform.runtime.ServiceContext;
import io.micrometer.core.instrument.Gauge;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Event-to-alert latency at several steady rates on the same sites, one phase after another
 * (each phase its own record ids, the alarm sequence continuing), and the capacity at the
 * objective: the highest measured rate whose p99 stayed under {@link
 * PipelineBenchmark#SLO_P99_MILLIS}, narrowed down by bisection between the highest rate that
 * met it and the lowest that did not. Every phase starts once the platform has caught up with
 * everything sent before it ({@link PlatformCatchUp}): a phase that starts on a backlog measures
 * the backlog, not its rate.
 */
final class LatencyLadder {
  private final ServiceContext context;
  private final PlatformConfig config;
  private final List<String> sites;
  private final Duration duration;
  private final PrintStream out;
  private final PlatformCatchUp catchUp;
  private final boolean profile;
  private final long[] alarmsSent = new long[1];
  private int phase;

  LatencyLadder(ServiceContext context, PlatformConfig config, List<String> sites,
      Duration duration, PlatformCatchUp catchUp, boolean profile, PrintStream out) {
    this.context = context;
    this.profile = profile;
    this.config = config;
    this.sites = sites;
    this.duration = duration;
    this.out = out;
    this.catchUp = catchUp;
  }

  /** How long a phase waits for the platform to catch up before it starts anyway. */
  static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(180);

  /**
   * Sends at {@code rate} for {@code length} without measuring: the paths a steady rate takes
   * (small batches, transactions of the services that use them, per-record commits of the
   * paced readers) are not the ones the drain warmed, and the JIT compiles them during the
   * first paced minute or two (ADR-056). A long-running service has long compiled them, so
   * the ladder starts after this. Prints what the JIT took, so a reader sees when it settled.
   */
  void warmUp(double rate, Duration length) throws InterruptedException {
    out.printf("paced warm-up at %,.0f records/s for %d s (not measured) ...%n", rate,
        length.toSeconds());
    catchUp.await(CATCH_UP_TIMEOUT, out);
    RecordFactory factory = new RecordFactory(sites, config.operatorTenant(),
        sites.get(0).hashCode() * 31L + ++phase, 8, BenchFleet::telemetry);
    ThreadCpu cpu = ThreadCpu.snapshot();
    AlertTrips trips = LatencyProbe.trips(context, factory, sites, rate, length, alarmsSent);
    long records = (long) (rate * (length.toSeconds() + LatencyProbe.SETTLE.toSeconds()));
    double jit = CpuTable.print(cpu, records, "the paced warm-up", out);
    out.printf("  paced warm-up: p99 %.1f ms (%d alerts), compiler threads %.1f %% of the "
        + "process's CPU%n", trips.total().getValueAtPercentile(99) / 1000.0,
        trips.total().getTotalCount(), 100 * jit);
  }

  PipelineBenchmark.LatencyPoint measure(double rate, double fraction)
      throws InterruptedException {
    out.printf("latency at %,.0f records/s (%.0f %% of sustained) for %d s ...%n", rate,
        100 * fraction, duration.toSeconds());
    catchUp.await(CATCH_UP_TIMEOUT, out);
    // Each phase gets its own id sequence (the factory's seed): no record repeats another.
    RecordFactory factory = new RecordFactory(sites, config.operatorTenant(),
        sites.get(0).hashCode() * 31L + ++phase, 8, BenchFleet::telemetry);
    JfrProfile recording = startProfile();
    ThreadCpu cpu = ThreadCpu.snapshot();
    BrokerAppends appends = BrokerAppends.snapshot();
    RunQueue runQueue = RunQueue.start();
    AlertTrips trips = LatencyProbe.trips(context, factory, sites, rate, duration, alarmsSent);
    runQueue.close();
    // the probe sends at the rate for its settling time and the phase (alarms not counted)
    long records = (long) (rate * (duration.toSeconds() + LatencyProbe.SETTLE.toSeconds()));
    Histogram micros = trips.total();
    PipelineBenchmark.LatencyPoint point = new PipelineBenchmark.LatencyPoint(rate, fraction,
        micros);
    out.printf("  p50 %.1f ms, p99 %.1f ms (%d alerts)%n",
        micros.getValueAtPercentile(50) / 1000.0, point.p99Millis(), micros.getTotalCount());
    Histogram feed = trips.feed();
    Histogram rest = trips.afterWritten();
    out.printf("  of which alarm created -> written (the feed's producer and broker) p50 %.1f / "
        + "p99 %.1f ms; written -> alert read (engine and the alert's hop) p50 %.1f / p99 %.1f "
        + "ms%n", feed.getValueAtPercentile(50) / 1000.0, feed.getValueAtPercentile(99) / 1000.0,
        rest.getValueAtPercentile(50) / 1000.0, rest.getValueAtPercentile(99) / 1000.0);
    printHops(trips);
    runQueue.print(trips.slowest(SLOW_SHARE), out);
    printEngineThread();
    ClientWaits.print(out);
    CpuTable.print(cpu, records, "this latency phase", out);
    appends.print(cpu.wallSince() / 1e9, out);
    if (recording != null) {
      try {
        java.nio.file.Path file = recording.stop();
        LatencyTimeline.print(file, trips, out);
        out.printf("    (recording: %s)%n", file);
      } catch (java.io.IOException e) {
        out.printf("  (no latency timeline: %s)%n", e);
      }
    }
    return point;
  }

  /** The share of a phase's alerts whose windows the run queue report looks at. */
  private static final double SLOW_SHARE = 0.05;

  /** How many of the slowest alerts' timelines are printed per phase. */
  private static final int SLOWEST_PRINTED = 8;

  /**
   * Each alert's trip cut at the engine's repartition topic and the alert topic ({@link
   * AlertHops}): p50 / p99 per hop, and the slowest alerts' timelines.
   */
  private void printHops(AlertTrips trips) {
    Histogram[] hops = trips.hops();
    if (hops[1].getTotalCount() == 0) {
      out.printf("  hops: no alert seen on the repartition and alert topics%n");
      return;
    }
    String[] names = {"feed (created -> written)", "engine site stage (written -> correlation "
        + "input appended)", "engine correlation stage (-> alert appended)",
        "probe's fetch (-> read)"};
    out.printf("  hops of %d alerts (p50 / p99 / max ms):", hops[1].getTotalCount());
    for (int i = 0; i < hops.length; i++) {
      out.printf(" %s %.1f / %.1f / %.1f;", names[i], hops[i].getValueAtPercentile(50) / 1e3,
          hops[i].getValueAtPercentile(99) / 1e3, hops[i].getMaxValue() / 1e3);
    }
    out.println();
    out.printf("  slowest alerts (ms: total = feed + site stage + correlation stage + probe "
        + "fetch):%n");
    trips.slowest(1.0).stream().filter(AlertTrips.Trip::hopsSeen).limit(SLOWEST_PRINTED)
        .forEach(t -> out.printf("    %.1f = %.1f + %.1f + %.1f + %.1f%n",
            t.totalMicros() / 1e3, (t.written() - t.created()) / 1e6,
            (t.correlationInput() - t.written()) / 1e6,
            (t.alertAppended() - t.correlationInput()) / 1e6,
            (t.read() - t.alertAppended()) / 1e6));
  }

  private JfrProfile startProfile() {
    if (!profile) {
      return null;
    }
    try {
      return JfrProfile.start();
    } catch (java.io.IOException | java.text.ParseException e) {
      out.printf("  (no JFR recording of the phase: %s)%n", e);
      return null;
    }
  }

  /** The engine's Streams thread metrics worth reading after a phase. */
  private static final List<String> ENGINE_THREAD = List.of("commit.latency.max",
      "commit.latency.avg", "process.latency.max", "commit.ratio", "punctuate.ratio",
      "process.ratio", "poll.ratio");

  /**
   * Where the engine's stream thread spent the last minute or so (Kafka's sampled window of
   * its thread metrics, which covers the phase): the longest commit (a commit flushes the
   * producer and waits for every send's acknowledgement), and the share of its time in
   * commits, punctuations (the learned-state save rounds), processing and polling. A stall of
   * the thread delays every alert behind it: this is where a p99 far above the p50 comes from.
   */
  private void printEngineThread() {
    StringBuilder line = new StringBuilder();
    for (String metric : ENGINE_THREAD) {
      for (Gauge gauge : context.metrics().registry().find("kafka.stream.thread." + metric)
          .gauges()) {
        String thread = gauge.getId().getTag("thread.id");
        if (thread != null && thread.contains("aiops") && Double.isFinite(gauge.value())) {
          line.append(String.format(" %s %.2f", metric, gauge.value()));
        }
      }
    }
    if (!line.isEmpty()) {
      out.printf("  engine stream thread (ms, ratios; last ~minute):%s%n", line);
    }
  }

  /** Adds {@code steps} bisection phases to {@code points}; returns the capacity (0 if none). */
  double capacityAtSlo(double sustained, List<PipelineBenchmark.LatencyPoint> points, int steps)
      throws InterruptedException {
    for (int i = 0; i < steps; i++) {
      double low = points.stream().filter(PipelineBenchmark.LatencyPoint::meetsSlo)
          .mapToDouble(PipelineBenchmark.LatencyPoint::rate).max().orElse(0);
      double high = points.stream().filter(p -> !p.meetsSlo())
          .mapToDouble(PipelineBenchmark.LatencyPoint::rate).filter(r -> r > low).min()
          .orElse(Math.max(low, sustained) * (low >= sustained ? 1.25 : 1.0));
      if (high <= low) {
        high = low * 1.25;
      }
      double rate = (low + high) / 2;
      points.add(measure(rate, rate / sustained));
    }
    points.sort(Comparator.comparingDouble(PipelineBenchmark.LatencyPoint::rate));
    return points.stream().filter(PipelineBenchmark.LatencyPoint::meetsSlo)
        .mapToDouble(PipelineBenchmark.LatencyPoint::rate).max().orElse(0);
  }
}
