package com.towerco.kpi.stream;

import com.towerco.benchmarks.system.BenchRecords;
import com.towerco.benchmarks.system.ReadingPolls;
import com.towerco.kpi.domain.DcWindow;
import com.towerco.kpi.domain.KpiCalculator;
import com.towerco.kpi.domain.KpiWindow;
import com.towerco.kpi.domain.SiteTerms;
import com.towerco.kpi.domain.Windowing;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.platform.metrics.PlatformMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The KPI calculator's thread per telemetry record, without Kafka (ADR-062): what
 * {@code ConsumerService} hands the handler for a reading with routing headers
 * ({@link KpiHandler#handleUndecoded}: projected read, per-partition deduplication, the site's
 * windows) and, after each polled batch, the windows event time has closed
 * ({@link KpiCalculator#advance}; publishing them is not included). The records are the pipeline
 * bench's: 100 sites of {@link BenchRecords} (two tenancies each, eight variants per site), one
 * topic per site, event time one second per round of sites, polled 2,000 at a time (20 rounds,
 * partition by partition as a fetch hands them over), made by {@link ReadingPolls}: each
 * record's bytes are its variant's with a fresh event id and time written in place, so event time
 * advances for ever and nothing is read twice; what the harness itself costs per record is
 * {@link #harnessOnly}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@OperationsPerInvocation(KpiRecordBenchmark.BATCH)
public class KpiRecordBenchmark {
  static final int SITES = 100;
  static final int ROUNDS = 20;
  static final int BATCH = SITES * ROUNDS;

  private ReadingPolls polls;
  private PlatformMetrics metrics;
  private KpiCalculator calculator;
  private KpiHandler handler;
  /** Records handled, declined (left to a full decode) and windows closed: checked at the end. */
  private long handled;
  private long declined;
  private long windows;

  @Setup
  public void setUp() {
    polls = new ReadingPolls(SITES, ROUNDS);
    Map<String, SiteRegistered> inventory = new HashMap<>();
    for (int s = 0; s < SITES; s++) {
      inventory.put(polls.siteId(s), polls.records().site(polls.siteId(s)).orElseThrow());
    }
    metrics = new PlatformMetrics();
    Windowing windowing = new Windowing(Duration.ofMinutes(1), Duration.ofSeconds(30),
        Duration.ofMinutes(2));
    calculator = new KpiCalculator(windowing, new DirectoryTerms(inventory), Duration.ofHours(1));
    handler = new KpiHandler(calculator, null, metrics.forService("kpi"),
        windowing.size().plus(windowing.grace()).plus(windowing.maxGap()), "towerco");
  }

  /** The benchmark measures the accepted, projected path: a declined record fails it. */
  @TearDown
  public void tearDown() {
    metrics.close();
    if (declined > 0 || calculator.lateReadings() > 0 || (handled > 100_000 && windows == 0)) {
      throw new IllegalStateException("not the projected path: declined " + declined
          + ", late " + calculator.lateReadings() + ", windows " + windows + " in "
          + polls.seconds() + " s");
    }
  }

  /** One poll of 2,000 readings (20 s of event time of 100 sites), then the window check. */
  @Benchmark
  public void pollOfReadings(Blackhole bh) {
    polls.startPoll();
    for (int s = 0; s < SITES; s++) {
      for (int r = 0; r < ROUNDS; r++) {
        if (!handler.handleUndecoded(polls.attributes(s, r), polls.source(s, r))) {
          declined++;
        }
        handled++;
      }
    }
    for (KpiWindow window : calculator.advance(partition -> true)) {
      bh.consume(window);
      windows++;
    }
    polls.endPoll();
  }

  /** The same records made, not handled: what the harness adds to {@link #pollOfReadings}. */
  @Benchmark
  public void harnessOnly(Blackhole bh) {
    polls.makePoll(bh);
  }

  /** The inventory as {@link InventoryTerms} reads it from the site directory. */
  private static final class DirectoryTerms implements SiteTerms {
    private final Map<String, SiteRegistered> sites;

    DirectoryTerms(Map<String, SiteRegistered> sites) {
      this.sites = sites;
    }

    private Optional<SiteRegistered> site(String siteId) {
      return Optional.ofNullable(sites.get(siteId));
    }

    @Override
    public String region(String siteId) {
      return site(siteId).map(SiteRegistered::region).orElse("unknown");
    }

    @Override
    public DcWindow dcWindow(String siteId, String tenantId) {
      return site(siteId).flatMap(site -> tenancy(site, tenantId))
          .map(t -> new DcWindow(t.dcMinV(), t.dcMaxV()))
          .orElse(DcWindow.DEFAULT);
    }

    private static Optional<SiteRegistered.Tenancy> tenancy(SiteRegistered site,
        String tenantId) {
      for (SiteRegistered.Tenancy t : site.tenancies()) {
        if (t.tenantId().equals(tenantId)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }

    @Override
    public List<String> tenants(String siteId) {
      return site(siteId)
          .map(site -> site.tenancies().stream().map(SiteRegistered.Tenancy::tenantId).toList())
          .orElse(List.of());
    }
  }
}
