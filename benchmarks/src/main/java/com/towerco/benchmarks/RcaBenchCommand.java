package com.towerco.benchmarks;

import com.towerco.benchmarks.system.RcaBenchmark;
import com.towerco.benchmarks.system.RcaScore;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code towerco bench rca}: grouping and root-cause accuracy on simulated ground truth. */
@Command(name = "rca", mixinStandardHelpOptions = true,
    description = "Score the AIOps engine's incidents against the simulator's ground truth: "
        + "grouping precision and recall (one incident per real problem), top-1 and top-3 "
        + "root-cause accuracy, over a suite of scenarios with compound and random faults.")
public final class RcaBenchCommand implements Callable<Integer> {
  @Option(names = "--scenarios", defaultValue = "5",
      description = "Scenarios, each with its own seed (default: ${DEFAULT-VALUE}).")
  int scenarios;

  @Option(names = "--sites", defaultValue = "60", description = "Sites (default: "
      + "${DEFAULT-VALUE}).")
  int sites;

  @Option(names = "--hours", defaultValue = "6",
      description = "Simulated hours per scenario (default: ${DEFAULT-VALUE}).")
  int hours;

  @Option(names = "--random-faults-per-hour", defaultValue = "4",
      description = "Random faults on top of the compound ones (default: ${DEFAULT-VALUE}).")
  double randomFaults;

  @Option(names = "--verbose", description = "List every miss.")
  boolean verbose;

  @Override
  public Integer call() {
    System.out.printf("RCA benchmark: %d scenarios, %d sites, %d h each%n", scenarios, sites,
        hours);
    RcaScore total = RcaBenchmark.run(scenarios, sites, Duration.ofHours(hours), randomFaults,
        System.out).total();
    System.out.printf("%nTotal: %d real problems, %d incidents%n", total.problems(),
        total.incidents());
    System.out.printf("  grouping precision %.3f, recall %.3f%n", total.precision(),
        total.recall());
    System.out.printf("  root cause top-1 %.3f, top-3 %.3f%n", total.top1Accuracy(),
        total.top3Accuracy());
    if (verbose) {
      total.misses().forEach(m -> System.out.println("  miss: " + m));
    }
    return 0;
  }
}
