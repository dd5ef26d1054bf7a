package com.towerco.benchmarks.system;

import com.towerco.app.PlatformProcess;
import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.platform.broker.EmbeddedKafkaBroker;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * {@code towerco bench scale}: the whole platform and an embedded broker in this process, once
 * per fleet size, at the realistic cadence (one telemetry reading per site per 10 s, plus 20
 * alarm raises/clears a second across the fleet): how long the broker takes to start, how long
 * the site group topics take to create (ADR-029: the same 16 whatever the fleet), process RSS, heap after GC and open file handles after a
 * warm-up, event-to-alert latency (p50, p99) and heap per site (overall and marginal between
 * sizes). Each size gets a fresh broker and platform; the numbers are this machine's.
 */
public final class ScaleBenchmark {
  /** What to run. */
  public record Options(List<Integer> sizes, int sitePartitions, Duration warmup,
      Duration measure, double readingsPerSitePerSecond, List<ServiceFactory> services,
      ServiceSettings settings) {}

  /** One fleet size's measurements. */
  public record Row(int sites, int partitions, long brokerStartMs, long topicsMs,
      long platformStartMs, long rssMb, long heapMb, long fileHandles, double p50Ms,
      double p99Ms, long alerts, double heapPerSiteKb, Double marginalPerSiteKb,
      long add100Ms, String load) {}

  /** Sites added after the measured phase to time how fast the groups pick them up. */
  static final int ADDED_SITES = 100;

  private ScaleBenchmark() {}

  /** The rows of the sizes that ran, and for each size that broke, what broke (one line). */
  public record Result(List<Row> rows, List<String> failures) {}

  public static Result run(Options options, PrintStream out) throws Exception {
    List<Row> rows = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int sites : options.sizes()) {
      try {
        Row row = runOne(options, sites, rows.isEmpty() ? null : rows.get(rows.size() - 1),
            out);
        rows.add(row);
        out.println(format(row));
      } catch (RuntimeException e) {
        // what breaks first at this size is a result: report it and go on with the next size
        String failure = String.format("%7d sites: FAILED: %s", sites, causes(e));
        out.println(failure);
        failures.add(failure);
      }
    }
    return new Result(rows, failures);
  }

  private static String causes(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName())
          .append(": ").append(message.length() > 160 ? message.substring(0, 160) + "..." : message);
    }
    return text.toString();
  }

  private static Row runOne(Options options, int sites, Row previous, PrintStream out)
      throws Exception {
    long baseHeap = heapAfterGc();
    Path dir = Files.createTempDirectory("towerco-scale-");
    try {
      long t0 = System.nanoTime();
      try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
        long brokerMs = millisSince(t0);
        out.printf("%d sites: broker up in %d ms; starting the platform ...%n", sites, brokerMs);
        long t1 = System.nanoTime();
        try (PlatformProcess platform = PlatformProcess.start(new PlatformProcess.Spec(
            broker.bootstrapServers(), false, 0, dir.resolve("platform"), options.services(),
            options.settings(), -1,
            c -> c.withTopicLayout(options.sitePartitions(), 3, (short) 1),
            Authenticator.openAccess()))) {
          awaitReady(platform);
          long platformMs = millisSince(t1);
          ServiceContext context = platform.context();
          List<String> ids = BenchFleet.siteIds("F", sites);
          long topicsMs = register(context, ids, true);
          int siteTopics = TopicFamily.SITE_EVENTS.topics().size();
          out.printf("  platform ready in %d ms; %d sites registered, %d site topics (%d "
              + "partitions) ready in %d ms; warming up %d s ...%n", platformMs, sites,
              siteTopics, siteTopics * options.sitePartitions(), topicsMs,
              options.warmup().toSeconds());
          double rate = sites * options.readingsPerSitePerSecond();
          RecordFactory factory = new RecordFactory(ids, context.config().operatorTenant(), 7, 8,
              BenchFleet::telemetry);
          Histogram latencies;
          try (KafkaProducer<String, byte[]> producer = LatencyProbe.warmProducer(context,
              ids)) {
            long[] alarmsSent = new long[1]; // the measured phase raises new alarms
            LatencyProbe.run(context, producer, factory, ids, rate, options.warmup(),
                alarmsSent);
            out.printf("  measuring %d s at %.0f readings/s ...%n",
                options.measure().toSeconds(), rate);
            latencies = LatencyProbe.run(context, producer, factory, ids, rate,
                options.measure(), alarmsSent);
          }
          String load = loadAverage();
          long heap = heapAfterGc();
          long rss = rssMb();
          long files = fileHandles();
          out.printf("  measured: %d alerts, p50 %.1f ms, p99 %.1f ms; RSS %d MB, heap %d MB,"
              + " %d files; load %s%n", latencies.getTotalCount(),
              latencies.getValueAtPercentile(50) / 1000.0,
              latencies.getValueAtPercentile(99) / 1000.0, rss, heap / 1024 / 1024, files, load);
          long add100 = addSites(context, sites, out);
          double perSite = (heap - baseHeap) / 1024.0 / sites;
          Double marginal = previous == null || previous.sites() == sites ? null
              : (heap / 1024.0 / 1024.0 - previous.heapMb()) * 1024.0
                  / (sites - previous.sites());
          return new Row(sites, siteTopics * options.sitePartitions(), brokerMs, topicsMs,
              platformMs,
              rss, heap / 1024 / 1024, files,
              latencies.getValueAtPercentile(50) / 1000.0,
              latencies.getValueAtPercentile(99) / 1000.0, latencies.getTotalCount(), perSite,
              marginal, add100, load);
        }
      }
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * Registers {@link #ADDED_SITES} more sites and returns how long until every site-reading
   * consumer group had their topics assigned (ms; -1 if not within 2 minutes). Their topics
   * are the group topics every group already reads (ADR-029).
   */
  private static long addSites(ServiceContext context, int sites, PrintStream out)
      throws Exception {
    List<String> added = BenchFleet.siteIds("G", ADDED_SITES);
    long created;
    try {
      created = register(context, added, false);
    } catch (RuntimeException e) {
      out.printf("  adding %d sites failed: %s%n", ADDED_SITES, causes(e));
      return -1;
    }
    try (Admin admin = context.clients().admin()) {
      long assigned = RebalanceProbe.awaitAssigned(admin,
          added.stream().map(TopicFamily.SITE_EVENTS::topic).distinct().toList(), 120_000);
      out.printf("  %d sites added to %d: topics ready in %d ms, assigned to every group %d ms"
          + " later%n", ADDED_SITES, sites, created, assigned);
      return assigned < 0 ? -1 : created + assigned;
    }
  }

  /** The 1/5/15-minute load average of the machine (Linux), as printed by uptime. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /** Registers the sites, creates their topics; the topic creation time in ms. */
  private static long register(ServiceContext context, List<String> sites, boolean settle)
      throws InterruptedException {
    long t = System.nanoTime();
    // One call before the registrations: the provisioner creates them in a few large chunks
    // (ADR-020); the inventory service then finds them ready. Without the call the inventory
    // service provisions the registrations it reads in batches the same way.
    context.topics().ensureAll(TopicFamily.SITE_EVENTS, TopicFamily.SITE_EVENTS.topics());
    long topicsMs = millisSince(t);
    try (ServiceContext.Outputs outputs = context.outputs("bench", "-inventory")) {
      for (int i = 0; i < sites.size(); i++) {
        outputs.publisher().publish(TopicFamily.INVENTORY, sites.get(i), Envelope.of(
            EventIds.random(), context.config().operatorTenant(), sites.get(i),
            Instant.parse("2026-01-01T00:00:00Z"), BenchFleet.registration(i),
            Map.of("producer", "bench")));
      }
      outputs.publisher().flush();
    }
    if (!settle) {
      return topicsMs;
    }
    long deadline = System.currentTimeMillis() + 120_000;
    while (context.sites().site(sites.get(sites.size() - 1)).isEmpty()
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(2L * KafkaClients.METADATA_MAX_AGE_MS); // pattern subscriptions see the topics
    return topicsMs;
  }

  public static String header() {
    return String.format("%7s %7s %9s %9s %9s %7s %7s %6s %8s %8s %6s %9s %9s %9s  %s",
        "sites", "parts", "broker ms", "topics ms", "start ms", "RSS MB", "heap MB", "fds",
        "p50 ms", "p99 ms", "alerts", "KB/site", "marg KB", "+100 ms", "load 1/5/15");
  }

  public static String format(Row r) {
    // no alert in the measured phase: the latency is unknown, not zero
    String p50 = r.alerts() == 0 ? "-" : String.format("%.1f", r.p50Ms());
    String p99 = r.alerts() == 0 ? "-" : String.format("%.1f", r.p99Ms());
    return String.format("%7d %7d %9d %9d %9d %7d %7d %6d %8s %8s %6d %9.1f %9s %9s  %s",
        r.sites(), r.partitions(), r.brokerStartMs(), r.topicsMs(), r.platformStartMs(),
        r.rssMb(), r.heapMb(), r.fileHandles(), p50, p99, r.alerts(), r.heapPerSiteKb(),
        r.marginalPerSiteKb() == null ? "-" : String.format("%.1f", r.marginalPerSiteKb()),
        r.add100Ms() < 0 ? "timeout" : String.valueOf(r.add100Ms()), r.load());
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Resident set size of this process (Linux), MB; -1 elsewhere. */
  static long rssMb() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
      return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).orElse(-1L);
    } catch (IOException e) {
      return -1;
    }
  }

  /** Open file descriptors of this process (Linux); -1 elsewhere. */
  static long fileHandles() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException e) {
      return -1;
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void awaitReady(PlatformProcess platform) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 300_000;
    while (!platform.ready() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
  }

  private static void deleteQuietly(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
