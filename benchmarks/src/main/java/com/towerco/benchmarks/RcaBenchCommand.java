package com.towerco.benchmarks;

import com.towerco.benchmarks.system.RcaBenchmark;
import com.towerco.benchmarks.system.RcaScore;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code towerco bench rca}: grouping and root-cause accuracy on simulated ground truth. */
@Command(name = "rca", mixinStandardHelpOptions = true,
    description = "Score the AIOps engine's incidents against ground truth: grouping precision "
        + "and recall (one incident per real problem), top-1 and top-3 root-cause accuracy, "
        + "severity accuracy and alerts per real problem, over simulated scenarios with "
        + "compound and random faults and a hand-written independent set.")
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

  @Option(names = "--scenarios-only", description = "Skip the hand-written field set.")
  boolean scenariosOnly;

  @Option(names = "--field-only", description = "Only the hand-written field set.")
  boolean fieldOnly;

  @Option(names = "--verbose", description = "List every miss.")
  boolean verbose;

  @Override
  public Integer call() {
    System.out.printf("RCA benchmark: %d scenarios, %d sites, %d h each%n", scenarios, sites,
        hours);
    RcaScore simulated = fieldOnly ? RcaScore.EMPTY : RcaBenchmark.run(scenarios, sites,
        Duration.ofHours(hours), randomFaults, System.out).total();
    print("Simulated", simulated);
    if (scenariosOnly) {
      return 0;
    }
    System.out.println();
    System.out.println("Field scenarios (hand-written, independent of the simulator: feeder"
        + " trip, glitch, mains -> generator, flapping rectifier, fuel theft, hub chain, HVAC +"
        + " intrusion, supplier, a second feeder trip whose running generator fails)");
    RcaScore field = RcaBenchmark.field();
    print("Field", field);
    print("All", simulated.plus(field));
    return 0;
  }

  private void print(String name, RcaScore total) {
    System.out.printf("%n%s: %d real problems, %d incidents%n", name, total.problems(),
        total.incidents());
    System.out.printf("  grouping precision %.3f, recall %.3f%n", total.precision(),
        total.recall());
    System.out.printf("  root cause top-1 %.3f, top-3 %.3f%n", total.top1Accuracy(),
        total.top3Accuracy());
    System.out.printf("  severity accuracy %s (%d judged)%n", total.severityJudged() == 0
        ? "n/a" : String.format("%.3f", total.severityAccuracy()), total.severityJudged());
    System.out.printf("  alerts per real problem: %.2f notified (%d alerts) of %.2f raw (%d"
        + " alerts fired, the rest evidence on incidents)%n", total.alertsPerProblem(),
        total.alertsFired(), total.rawAlertsPerProblem(), total.alertsRaw());
    System.out.printf("  pages per real problem %.2f (%d alerts notified at major or critical,"
        + " %d of them with no real problem); %d incidents ended major or critical%n",
        total.pagesPerProblem(), total.pages(), total.strayPages(), total.severeIncidents());
    if (verbose) {
      total.misses().forEach(m -> System.out.println("  miss: " + m));
      if (name.equals("Field")) {
        System.out.println("  pages by problem: " + total.pagesByProblem());
      }
      if (!name.equals("All")) {
        total.notified().forEach(n -> System.out.println("  notified: " + n));
      }
    }
  }
}
