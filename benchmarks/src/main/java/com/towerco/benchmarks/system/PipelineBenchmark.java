package com.towerco.benchmarks.system;

import com.towerco.app.PlatformProcess;
import com.towerco.events.TopicFamily;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.broker.EmbeddedKafkaBroker;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.kafka.HeapLayout;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code towerco bench}: in one run on one machine, first the raw broker rate (envelope-sized
 * records produced once and read by one consumer group per service that reads the site topics,
 * with no processing), then the platform's sustained rate for the same records through all its
 * services, their ratio, and event-to-alert latency at half the sustained rate. Each phase is
 * preceded by warm-up rounds until the JIT compilers have settled ({@link WarmUp}), because a
 * cold JVM is two to three times slower and a JIT still compiling takes CPU from the phase.
 */
public final class PipelineBenchmark {
  /** What to run. */
  public record Options(long records, int sites, int sitePartitions, long warmupRecords,
      int maxWarmupRounds, Duration latencyDuration, double latencyRate,
      Duration pacedWarmUp, List<ServiceFactory> services, ServiceSettings settings, boolean profile) {}

  /**
   * The benches time event-to-alert by the alert record each probe alarm raises. Since alerts
   * notify once per problem (ADR-019), most probe alarms would only be evidence on a problem and
   * publish no record; so the benches run the engine with every alert published (the work per
   * alert is the same: the decision is taken either way), unless {@code --set} says otherwise.
   * Likewise at once rather than held until its problem settles (ADR-027): the hold is a
   * deliberate wait of {@code aiops.settle} in event time (20 s by default), not processing; a
   * held notification goes out that much later than the latency measured here, and a probe
   * alarm cleared within it would publish nothing.
   */
  public static Map<String, String> withEveryAlertPublished(Map<String, String> given) {
    Map<String, String> settings = new java.util.LinkedHashMap<>(Map.of(
        "aiops.notify-once-per-problem", "false", "aiops.evidence-only", "",
        "aiops.inhibit-group", "", "aiops.notify-after-settle", "false"));
    settings.putAll(given);
    return settings;
  }

  /** What was measured. */
  public record Result(double rawRate, double platformRate, List<LatencyPoint> latencies,
      double capacityAtSlo, int groups, int recordBytes, List<String> services,
      String rawWarmUp, String platformWarmUp, double rawJitCpuShare,
      double platformJitCpuShare) {
    public double ratio() {
      return platformRate / rawRate;
    }
  }

  /** Event-to-alert latency at one steady rate. */
  public record LatencyPoint(double rate, double fractionOfSustained, Histogram micros) {
    public double p99Millis() {
      return micros.getTotalCount() == 0 ? Double.POSITIVE_INFINITY
          : micros.getValueAtPercentile(99) / 1000.0;
    }

    public boolean meetsSlo() {
      return p99Millis() < SLO_P99_MILLIS;
    }
  }

  /** The event-to-alert objective: p99 under half a second. */
  public static final double SLO_P99_MILLIS = 500;
  /** Latency is measured at these shares of the sustained rate. */
  public static final List<Double> LATENCY_FRACTIONS = List.of(0.25, 0.5, 0.75);
  /** Extra latency phases that narrow down the capacity at the objective (bisection). */
  public static final int CAPACITY_STEPS = 2;

  /** With {@code --profile}: thread groups, and methods of each, in the JFR summary. */
  static final int PROFILE_GROUPS = 12;
  static final int PROFILE_METHODS = 6;

  /** Raw fan-out rounds; the best one is the baseline. */
  public static final int RAW_ROUNDS = 3;

  private PipelineBenchmark() {}

  public static Result run(Options options, PrintStream out) throws Exception {
    HeapLayout.check().ifPresent(warning -> out.println("WARNING: " + warning));
    Path dir = Files.createTempDirectory("towerco-bench-");
    List<String> rawReaders = siteEventReaders(options.services());
    int groups = rawReaders.size();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
      PlatformConfig config = PlatformConfig.local(broker.bootstrapServers(), dir)
          .withTopicLayout(options.sitePartitions(), 3, (short) 1);
      double raw;
      int recordBytes;
      WarmUp.Outcome rawWarmUp;
      double rawJitCpuShare;
      try (PlatformMetrics metrics = new PlatformMetrics();
          ServiceContext context = new ServiceContext(config, metrics);
          RawFanout fanout = new RawFanout(context, groups)) {
        List<String> warm = BenchFleet.siteIds("W", options.sites());
        recordBytes = factory(BenchFleet.siteIds("R", options.sites()), config)
            .next(0, java.time.Instant.EPOCH).value().length;
        out.printf("raw broker fan-out: %d groups (one per service that reads the site topics: "
            + "%s), warming up (rounds of %,d records until the JIT settles, at most %d) ...%n",
            groups, rawReaders, options.warmupRecords(),
            options.maxWarmupRounds());
        RecordFactory warmFactory = factory(warm, config);
        rawWarmUp = WarmUp.run("raw", options.maxWarmupRounds(),
            round -> fanout.run(warmFactory, warm, options.warmupRecords()), out);
        // The broker's rate on a small machine varies from round to round (log segments being
        // created, page cache): the best of a few rounds is the limit the platform is held to.
        raw = 0;
        ThreadCpu rawCpu = ThreadCpu.snapshot();
        for (int round = 1; round <= RAW_ROUNDS; round++) {
          String prefix = "R" + round;
          List<String> roundSites = BenchFleet.siteIds(prefix, options.sites());
          double rate = fanout.run(factory(roundSites, config), roundSites, options.records());
          out.printf("  raw fan-out, round %d: %,.0f records/s; JVM up %.0f s%n", round, rate,
              WarmUp.uptimeSeconds());
          raw = Math.max(raw, rate);
        }
        out.printf("  raw fan-out: %,.0f records/s (best of %d)%n", raw, RAW_ROUNDS);
        // Measured like the platform phase, so that the platform's own share of the CPU and
        // allocation per record is the difference: the same feed, broker and consumer clients.
        rawJitCpuShare = CpuTable.print(rawCpu, RAW_ROUNDS * options.records(),
            "the raw rounds", out);
        fanout.close();
        deleteSiteTopics(context);
      }
      try (PlatformProcess platform = PlatformProcess.start(new PlatformProcess.Spec(
          broker.bootstrapServers(), false, 0, dir.resolve("platform"), options.services(),
          options.settings(), -1, c -> c.withTopicLayout(options.sitePartitions(), 3, (short) 1),
          Authenticator.openAccess()))) {
        ServiceContext context = platform.context();
        awaitReady(platform);
        List<String> warm = BenchFleet.siteIds("V", options.sites());
        List<String> sites = BenchFleet.siteIds("P", options.sites());
        out.printf("platform (%s): warming up (rounds of %,d records until the JIT settles, "
            + "at most %d) ...%n", names(options.services()), options.warmupRecords(),
            options.maxWarmupRounds());
        PlatformRun.prepare(context, warm);
        RecordFactory warmFactory = factory(warm, config);
        List<ServiceMetrics> readers = new java.util.ArrayList<>();
        WarmUp.Outcome platformWarmUp = WarmUp.run("platform", options.maxWarmupRounds(),
            round -> platformWarmUpRound(context, warmFactory, warm, options.warmupRecords(),
                round, readers, out), out);
        PlatformRun.prepare(context, sites);
        JfrProfile profile = options.profile() ? JfrProfile.start() : null;
        ThreadCpu cpu = ThreadCpu.snapshot();
        BrokerAppends appends = BrokerAppends.snapshot();
        out.printf("  measured phase starts: JVM up %.0f s, platform warm-up %s%n",
            WarmUp.uptimeSeconds(), platformWarmUp.describe());
        // The measured sites share partitions with the warm-up sites: their readings continue
        // the warm-up's event time, or the KPI calculator would see them as late.
        double sustained = PlatformRun.run(context, readers, factory(sites, config), sites,
            options.records(), warmUpEventTime(platformWarmUp.rounds(), options.warmupRecords(),
                warm.size()));
        double jitCpuShare = CpuTable.print(cpu, options.records(), "the platform phase",
            out);
        appends.print(cpu.wallSince() / 1e9, out);
        if (profile != null) {
          JfrProfile.print(profile.stop(), PROFILE_GROUPS, PROFILE_METHODS, out);
        }
        out.printf("  platform: %,.0f records/s through %s (shared decode hit ratio %.2f)%n",
            sustained, readers.stream().map(ServiceMetrics::service).toList(),
            context.decoder().hitRatio());
        if (readers.size() != groups) {
          out.printf("  WARNING: %d services read the site records, the raw phase read them with"
              + " %d groups (%s): the ratio compares unlike fan-outs%n", readers.size(), groups,
              rawReaders);
        }
        List<String> latencySites = BenchFleet.siteIds("L", options.sites());
        PlatformRun.prepare(context, latencySites);
        List<LatencyPoint> points = new java.util.ArrayList<>();
        double capacity;
        try (Admin admin = context.clients().admin()) {
          LatencyLadder ladder = new LatencyLadder(context, config, latencySites,
              options.latencyDuration(), new PlatformCatchUp(admin, context.metrics(),
                  options.services()), options.profile(), out);
          if (!options.pacedWarmUp().isZero()) {
            ladder.warmUp(options.latencyRate() > 0 ? options.latencyRate()
                : sustained * LATENCY_FRACTIONS.get(0), options.pacedWarmUp());
          }
          if (options.latencyRate() > 0) {
            points.add(ladder.measure(options.latencyRate(),
                options.latencyRate() / sustained));
            capacity = Double.NaN;
          } else {
            for (double fraction : LATENCY_FRACTIONS) {
              points.add(ladder.measure(sustained * fraction, fraction));
            }
            capacity = ladder.capacityAtSlo(sustained, points, CAPACITY_STEPS);
          }
        }
        return new Result(raw, sustained, points, capacity, groups, recordBytes,
            names(options.services()), rawWarmUp.describe(), platformWarmUp.describe(),
            rawJitCpuShare, jitCpuShare);
      }
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * One platform warm-up round on the warm-up sites, continuing their event time: the first
   * finds the services that read site events ({@code readers}, filled in), later ones wait for
   * those. Returns the round's rate.
   */
  private static double platformWarmUpRound(ServiceContext context, RecordFactory factory,
      List<String> sites, long records, int round, List<ServiceMetrics> readers,
      PrintStream out) throws InterruptedException {
    java.time.Instant from = warmUpEventTime(round - 1, records, sites.size());
    if (round > 1) {
      return PlatformRun.run(context, readers, factory, sites, records, from);
    }
    long start = System.nanoTime();
    Feed.produce(context, factory, sites, records, from);
    readers.addAll(siteReaders(context, records));
    double rate = records / ((System.nanoTime() - start) / 1e9);
    context.metrics().services().stream()
        .filter(m -> !m.service().equals("bench") && !readers.contains(m)
            && m.totalIn() > 0 && m.totalIn() < records)
        .forEach(m -> out.printf("  WARNING: %s had handled only %,d of the %,d warm-up "
            + "records when the others were done: it is left out of the sustained rate "
            + "and is behind in the latency phases%n", m.service(), m.totalIn(), records));
    return rate;
  }

  /**
   * The services that read the site topics, by their declared Kafka access: the raw phase reads
   * with one group per such service, as many as fetch each site record in the platform phase
   * (services that read only other topics, e.g. notification or inventory, add no fan-out).
   */
  static List<String> siteEventReaders(List<ServiceFactory> services) {
    return services.stream()
        .filter(f -> f.kafkaAccess().reads().contains(TopicFamily.SITE_EVENTS))
        .map(ServiceFactory::name).toList();
  }

  /**
   * Where the event time of the platform's warm-up stands after {@code rounds} rounds: the feed
   * gives each site one reading per second from the bench's epoch.
   */
  static java.time.Instant warmUpEventTime(int rounds, long records, int sites) {
    return java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(rounds * records / sites);
  }

  /**
   * The services that read site events: those whose input counters reached the warm-up's count
   * once every counter has stopped moving (the others, e.g. notification, read only alerts).
   */
  private static List<ServiceMetrics> siteReaders(ServiceContext context, long warmup)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    List<ServiceMetrics> services = context.metrics().services().stream()
        .filter(m -> !m.service().equals("bench")).toList();
    long total = -1;
    long quietSince = System.currentTimeMillis();
    while (System.currentTimeMillis() < deadline
        && System.currentTimeMillis() - quietSince < 5_000
        && !services.stream().allMatch(m -> m.totalIn() >= warmup)) {
      long now = services.stream().mapToLong(ServiceMetrics::totalIn).sum();
      if (now != total) {
        total = now;
        quietSince = System.currentTimeMillis();
      }
      Thread.sleep(100);
    }
    return services.stream().filter(m -> m.totalIn() >= warmup).toList();
  }

  /** Each phase has its own sites and its own id sequence: no record repeats another. */
  static RecordFactory factory(List<String> sites, PlatformConfig config) {
    return new RecordFactory(sites, config.operatorTenant(), sites.get(0).hashCode(), 8,
        BenchFleet::telemetry);
  }

  private static void awaitReady(PlatformProcess platform) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!platform.ready() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
  }

  private static void deleteSiteTopics(ServiceContext context) throws Exception {
    try (Admin admin = context.clients().admin()) {
      Set<String> topics = admin.listTopics().names().get();
      admin.deleteTopics(topics.stream().filter(t -> t.startsWith("towerco.sites.")).toList())
          .all().get();
    }
  }

  private static void deleteQuietly(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static List<String> names(List<ServiceFactory> services) {
    return services.stream().map(ServiceFactory::name).toList();
  }
}
