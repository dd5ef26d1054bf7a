package com.towerco.incidents.stream;

import com.towerco.benchmarks.system.BenchRecords;
import com.towerco.incidents.domain.incident.DispatchSaga;
import com.towerco.incidents.domain.incident.IncidentAggregate;
import com.towerco.incidents.domain.optimization.EnergyAdvisor;
import com.towerco.incidents.domain.optimization.OptimizationAggregate;
import com.towerco.incidents.domain.refuel.RefuelAggregate;
import com.towerco.incidents.domain.sla.SlaLedger;
import com.towerco.incidents.view.CommandOutcomes;
import com.towerco.incidents.view.ReadModels;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.runtime.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.UUID;
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
  private static final int VARIANTS = 8;
  private static final int IDS = 200_000;

  private final String[] siteIds = new String[SITES];
  private final String[] topics = new String[SITES];
  private final byte[][][] bytes = new byte[SITES][VARIANTS][];
  private final int[][] idAt = new int[SITES][VARIANTS];
  private final int[][] timeAt = new int[SITES][VARIANTS];
  private final String[] ids = new String[IDS];
  private final byte[][] idBytes = new byte[IDS][];
  private Instant[] times;
  private byte[][] timeBytes;
  private ViewHandler handler;
  private long declined;
  private long round;
  private long offset;
  private int nextId;

  @Setup
  public void setUp() {
    BenchRecords records = new BenchRecords("towerco", SITES);
    Instant placeholder = Instant.parse("2000-01-01T00:00:00.001Z");
    for (int s = 0; s < SITES; s++) {
      for (int v = 0; v < VARIANTS; v++) {
        BenchRecords.Next next = records.next((long) v * SITES + s, placeholder);
        siteIds[s] = next.siteId();
        topics[s] = "towerco.sites." + next.siteId() + ".events";
        bytes[s][v] = next.value();
        String text = new String(next.value(), StandardCharsets.UTF_8);
        idAt[s][v] = text.indexOf(next.attributes().id());
        timeAt[s][v] = text.indexOf("2000-01-01T00:00:00.001Z");
      }
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < IDS; i++) {
      ids[i] = new UUID(random.nextLong() & ~0xF000L | 0x4000L,
          random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
      idBytes[i] = ids[i].getBytes(StandardCharsets.US_ASCII);
    }
    times = new Instant[ROUNDS];
    timeBytes = new byte[ROUNDS][];
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

  private static final DateTimeFormatter FIXED = DateTimeFormatter
      .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final long START = Instant.parse("2026-12-07T00:00:00Z").toEpochMilli();

  /** One poll of 2,000 readings (20 s of event time of 100 sites). */
  @Benchmark
  public void pollOfReadings() throws Exception {
    prepareTimes();
    for (int s = 0; s < SITES; s++) {
      for (int r = 0; r < ROUNDS; r++) {
        if (!handler.applyUndecoded(attributes(s, r), source(s, r))) {
          declined++;
        }
      }
    }
    round += ROUNDS;
  }

  /** The same records made, not handled: what the harness adds to {@link #pollOfReadings}. */
  @Benchmark
  public void harnessOnly(Blackhole bh) {
    prepareTimes();
    for (int s = 0; s < SITES; s++) {
      for (int r = 0; r < ROUNDS; r++) {
        bh.consume(attributes(s, r));
        bh.consume(source(s, r));
      }
    }
    round += ROUNDS;
  }

  private void prepareTimes() {
    for (int r = 0; r < ROUNDS; r++) {
      times[r] = Instant.ofEpochMilli(START + (round + r) * 1000);
      timeBytes[r] = FIXED.format(times[r]).getBytes(StandardCharsets.US_ASCII);
    }
  }

  private int variant(int r) {
    return (int) ((round + r) % VARIANTS);
  }

  private EventHeaders.Attributes attributes(int s, int r) {
    int v = variant(r);
    byte[] value = bytes[s][v];
    int id = nextId;
    nextId = id + 1 == IDS ? 0 : id + 1;
    System.arraycopy(idBytes[id], 0, value, idAt[s][v], idBytes[id].length);
    System.arraycopy(timeBytes[r], 0, value, timeAt[s][v], timeBytes[r].length);
    return new EventHeaders.Attributes(ids[id], "site.telemetry", "1.0", "towerco", siteIds[s],
        times[r]);
  }

  private SourceRecord source(int s, int r) {
    return new SourceRecord(topics[s], 0, offset++, siteIds[s], bytes[s][variant(r)], 0L);
  }
}
