package com.towerco.incidents.stream;

import com.towerco.benchmarks.system.BenchRecords;
import com.towerco.benchmarks.system.ReadingPolls;
import com.towerco.incidents.domain.incident.DispatchSaga;
import com.towerco.incidents.domain.incident.IncidentAggregate;
import com.towerco.incidents.domain.optimization.EnergyAdvisor;
import com.towerco.incidents.domain.optimization.OptimizationAggregate;
import com.towerco.incidents.domain.refuel.RefuelAggregate;
import com.towerco.incidents.domain.sla.SlaLedger;
import com.towerco.incidents.view.CommandOutcomes;
import com.towerco.incidents.view.ReadModels;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The incident views' thread per telemetry record, without Kafka (ADR-073): what
 * {@code ViewFeed} hands the sink for a reading with routing headers
 * ({@link ViewHandler#applyUndecoded}: the projected read of the four watched values, the
 * check against the headers, battery health and the refuel saga). The records are the pipeline
 * bench's ({@link BenchRecords}, 100 sites in the inventory, eight variants per site, event time
 * one second per round of sites), 2,000 per invocation partition by partition, each with a fresh
 * event id and time written in place as {@code KpiRecordBenchmark} does; {@link #harnessOnly} is
 * what making them costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@OperationsPerInvocation(ViewRecordBenchmark.BATCH)
public class ViewRecordBenchmark {
  static final int SITES = 100;
  static final int ROUNDS = 20;
  static final int BATCH = SITES * ROUNDS;

  private ReadingPolls polls;
  private ViewHandler handler;
  private long declined;

  @Setup
  public void setUp() {
    polls = new ReadingPolls(SITES, ROUNDS);
    BenchRecords records = polls.records();
    OptimizationAggregate optimizations = new OptimizationAggregate(Duration.ofDays(7));
    RefuelAggregate refuels = new RefuelAggregate();
    ReadModels models = ReadModels.create(optimizations, refuels,
        (site, tenant) -> OptionalDouble.empty(), period -> { });
    AggregateCatalog catalog =
        new AggregateCatalog(List.of(new IncidentAggregate(new DispatchSaga.Timeouts(
            Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(1))),
            new SlaLedger(), optimizations, refuels));
    handler = new ViewHandler(models, new CommandOutcomes(), new CommandBus(null, catalog,
        "towerco"), "towerco", site -> records.site(site).map(r -> new EnergyAdvisor.SiteSpec(
            r.power().generatorConsumptionLph(), r.power().batteryCapacityAh())));
  }

  /** The benchmark measures the projected path: a declined record fails it. */
  @TearDown
  public void tearDown() {
    if (declined > 0) {
      throw new IllegalStateException("not the projected path: declined " + declined);
    }
  }

  /** One poll of 2,000 readings (20 s of event time of 100 sites). */
  @Benchmark
  public void pollOfReadings() throws Exception {
    polls.startPoll();
    for (int s = 0; s < SITES; s++) {
      for (int r = 0; r < ROUNDS; r++) {
        if (!handler.applyUndecoded(polls.attributes(s, r), polls.source(s, r))) {
          declined++;
        }
      }
    }
    polls.endPoll();
  }

  /** The same records made, not handled: what the harness adds to {@link #pollOfReadings}. */
  @Benchmark
  public void harnessOnly(Blackhole bh) {
    polls.makePoll(bh);
  }
}
