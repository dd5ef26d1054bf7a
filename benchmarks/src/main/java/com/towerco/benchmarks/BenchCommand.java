package com.towerco.benchmarks;

import com.towerco.app.Services;
import com.towerco.benchmarks.system.PipelineBenchmark;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code towerco bench}: the pipeline's rate as a share of the raw broker's, and latency. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    subcommands = {RcaBenchCommand.class, ScaleBenchCommand.class,
        IngestBenchCommand.class},
    description = "Measure the raw broker fan-out rate, the platform's sustained rate through "
        + "all services, their ratio, event-to-alert latency at 25, 50 and 75 %% of the "
        + "sustained rate and the capacity at the p99 objective, in one run on this machine "
        + "(embedded broker).")
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--records", defaultValue = "1000000",
      description = "Records per measured phase (default: ${DEFAULT-VALUE}).")
  long records;

  @Option(names = "--warmup", defaultValue = "300000",
      description = "Records per warm-up round (default: ${DEFAULT-VALUE}).")
  long warmup;

  @Option(names = "--warmup-rounds", defaultValue = "8",
      description = "Most warm-up rounds before each of the raw and the platform phase; rounds "
          + "stop earlier once the JIT compiler threads took less than 5 %% of the process's "
          + "CPU in one "
          + "(default: ${DEFAULT-VALUE}).")
  int warmupRounds;

  @Option(names = "--sites", defaultValue = "100",
      description = "Sites the records are spread over (default: ${DEFAULT-VALUE}).")
  int sites;

  @Option(names = "--site-partitions",
      defaultValue = "" + com.towerco.platform.PlatformConfig.DEFAULT_SITE_PARTITIONS,
      description = "Partitions per site topic (default: the platform's, ${DEFAULT-VALUE}).")
  int sitePartitions;

  @Option(names = "--latency-seconds", defaultValue = "20",
      description = "Length of each latency phase (default: ${DEFAULT-VALUE}).")
  int latencySeconds;

  @Option(names = "--latency-rate", defaultValue = "0",
      description = "Records/s of a single latency phase (default: 25, 50 and 75 %% of the "
          + "sustained rate, then a search for the capacity at the p99 objective).")
  double latencyRate;

  @Option(names = "--latency-warmup-seconds", defaultValue = "60",
      description = "Seconds sent at the first latency rate before the latency phases, not "
          + "measured: the JIT compiles the paced paths meanwhile (default: ${DEFAULT-VALUE}).")
  int latencyWarmupSeconds;

  @Option(names = "--services", split = ",",
      description = "Services in the platform phase (default: all).")
  List<String> services = new ArrayList<>(List.of("all"));

  @Option(names = "--profile",
      description = "Record the platform phase with JFR (profile settings) and print the "
          + "hottest thread groups and methods by execution samples.")
  boolean profile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A service setting.")
  Map<String, String> settings = Map.of();

  /** {@code bin/towerco bench ...} runs this (the benchmarks are not in the distribution). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).setCommandName("towerco bench")
        .execute(args));
  }

  @Override
  public Integer call() throws Exception {
    var result = PipelineBenchmark.run(new PipelineBenchmark.Options(records, sites,
        sitePartitions, warmup, warmupRounds, Duration.ofSeconds(latencySeconds), latencyRate,
        Duration.ofSeconds(latencyWarmupSeconds), Services.select(services),
        new ServiceSettings(
            PipelineBenchmark.withEveryAlertPublished(settings)), profile), System.out);
    System.out.printf("%nTowerco AIOps pipeline benchmark (%d records of %d bytes, %d sites x %d "
            + "partitions, services: %s; %d of them read the site topics)%n", records,
        result.recordBytes(), sites, sitePartitions, String.join(", ", result.services()),
        result.groups());
    System.out.printf("  raw broker fan-out (produce once, %d groups read, no processing, "
        + "best of %d rounds): %,.0f records/s%n", result.groups(),
        PipelineBenchmark.RAW_ROUNDS, result.rawRate());
    System.out.printf("  platform, every service:                                    "
        + "%,.0f records/s%n", result.platformRate());
    System.out.printf("  ratio:                                                       %.1f %%%n",
        100 * result.ratio());
    System.out.printf("  warm-up (rounds of %,d records): raw %s; platform %s; compiler "
        + "threads' share of the process's CPU while measured: raw rounds %.1f %%, platform "
        + "phase %.1f %%%n", warmup, result.rawWarmUp(), result.platformWarmUp(),
        100 * result.rawJitCpuShare(), 100 * result.platformJitCpuShare());
    System.out.printf("  latency phases: after a paced warm-up of %d s at the first rate (not "
        + "measured)%n", latencyWarmupSeconds);
    for (PipelineBenchmark.LatencyPoint point : result.latencies()) {
      var l = point.micros();
      if (l.getTotalCount() == 0) {
        System.out.printf("  event-to-alert latency at %,.0f records/s (%.0f %%): no alert arrived "
            + "within the phase and 5 s after (the engine is behind): fails the objective%n",
            point.rate(), 100 * point.fractionOfSustained());
        continue;
      }
      System.out.printf("  event-to-alert latency at %,.0f records/s (%.0f %%): p50 %.1f ms, "
              + "p99 %.1f ms, max %.1f ms (%d alerts)%n", point.rate(),
          100 * point.fractionOfSustained(), l.getValueAtPercentile(50) / 1000.0,
          l.getValueAtPercentile(99) / 1000.0, l.getMaxValue() / 1000.0, l.getTotalCount());
    }
    if (!Double.isNaN(result.capacityAtSlo())) {
      int cores = Runtime.getRuntime().availableProcessors();
      double sitesPerCore = result.capacityAtSlo() * 10 / cores;
      System.out.printf("  capacity at SLO (p99 < %.0f ms): %,.0f records/s = %,.0f sites per "
              + "core at one reading per site per 10 s (%d cores)%n",
          PipelineBenchmark.SLO_P99_MILLIS, result.capacityAtSlo(), sitesPerCore, cores);
    }
    return 0;
  }
}
