package com.towerco.benchmarks;

import com.towerco.app.Services;
import com.towerco.benchmarks.system.PipelineBenchmark;
import com.towerco.benchmarks.system.ScaleBenchmark;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code towerco bench scale}: what grows with the fleet, one row per fleet size. */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = "Run the whole platform on an embedded broker once per fleet size at one "
        + "reading per site per 10 s (plus alarms) and print broker start-up, topic creation, "
        + "RSS, heap, open file handles, event-to-alert p50/p99 and heap per site.")
public final class ScaleBenchCommand implements Callable<Integer> {
  @Option(names = "--sites", split = ",", defaultValue = "1000,2500,5000",
      description = "Fleet sizes (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(names = "--site-partitions",
      defaultValue = "" + com.towerco.platform.PlatformConfig.DEFAULT_SITE_PARTITIONS,
      description = "Partitions per site group topic (default: ${DEFAULT-VALUE}).")
  int sitePartitions;

  @Option(names = "--warmup-seconds", defaultValue = "30",
      description = "Warm-up at the cadence before measuring (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--seconds", defaultValue = "30",
      description = "Length of the measured phase (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--reading-interval-seconds", defaultValue = "10",
      description = "Seconds between two readings of one site (default: ${DEFAULT-VALUE}).")
  double readingInterval;

  @Option(names = "--services", split = ",",
      description = "Services to run (default: all).")
  List<String> services = new ArrayList<>(List.of("all"));

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A service setting.")
  Map<String, String> settings = Map.of();

  @Override
  public Integer call() throws Exception {
    if (sizes.stream().anyMatch(s -> s < 1) || sitePartitions < 1 || readingInterval <= 0) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "sites, partitions and the reading interval must be positive");
    }
    ScaleBenchmark.Result result = ScaleBenchmark.run(new ScaleBenchmark.Options(sizes,
        sitePartitions, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds),
        1 / readingInterval, Services.select(services), new ServiceSettings(
            PipelineBenchmark.withEveryAlertPublished(settings))),
        System.out);
    System.out.printf("%nTowerco AIOps fleet scale (%d partitions per site topic, one reading "
        + "per site per %.0f s, whole platform and broker in one JVM)%n", sitePartitions,
        readingInterval);
    System.out.println(ScaleBenchmark.header());
    result.rows().forEach(r -> System.out.println(ScaleBenchmark.format(r)));
    result.failures().forEach(System.out::println);
    return result.failures().isEmpty() ? 0 : 1;
  }
}
