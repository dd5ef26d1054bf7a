package com.towerco.benchmarks;

import com.towerco.dashboard.DashboardSettings;
import com.towerco.dashboard.domain.DashboardModel;
import com.towerco.dashboard.domain.ModelLimits;
import com.towerco.dashboard.domain.UpdateLog;
import com.towerco.dashboard.stream.DashboardEventHandler;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.InvalidEventException;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.CaughtUp;
import com.towerco.platform.runtime.SourceRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dashboard's read of a backlog being drained: five polled batches of 2,000 telemetry
 * records of 100 sites, one reading per site a second as in {@code bench} (each batch spans
 * 20 s of every site), into a fresh read model. Three ways, in the same run: every record
 * decoded and applied ({@code everyRecord}); per batch, only the latest reading per site and
 * chart point decoded and applied, chosen on the routing headers as the runtime's coalescing
 * did for the dashboard (ADR-033, {@code latestPerChartPoint}); and the dashboard's handler as
 * the consumer loop drives it since ADR-067 ({@code chartSteps}): a reading in a step of its
 * site that already has an applied reading passed over on its headers, the site's newest such
 * held, the held ones applied after the last batch (the poll that left nothing behind).
 * Throughput in drains per second; the ratios are the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DashboardReadBenchmark {
  private static final int SITES = 100;
  private static final int BATCH = 2_000;
  private static final int BATCHES = 5;
  private static final DashboardSettings.Replay REPLAY = new DashboardSettings.Replay(
      Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));

  private final EventCodec codec = new EventCodec();
  private final List<byte[]> values = new ArrayList<>();
  private final List<EventHeaders.Attributes> routing = new ArrayList<>();
  private final List<SourceRecord> sources = new ArrayList<>();
  private final long resolutionMillis = ModelLimits.defaults().seriesResolutionMillis();
  private final ServiceMetrics metrics = new PlatformMetrics().forService("dashboard-bench");

  public DashboardReadBenchmark() {
    Instant start = Instant.parse("2026-12-06T10:00:00Z");
    long offset = 0;
    for (int second = 0; second < BATCH * BATCHES / SITES; second++) {
      for (int site = 0; site < SITES; site++) {
        Envelope e = Envelope.of(EventIds.random(), "towerco", String.format("S%04d", site),
            start.plusSeconds(second), EnvelopeDecodeBenchmark.reading(),
            Map.of("producer", "simulator"));
        byte[] value = codec.encode(e);
        values.add(value);
        routing.add(EventHeaders.Attributes.of(e));
        sources.add(new SourceRecord("site-events", 0, offset++, e.siteId(), value, 0L));
      }
    }
  }

  @Benchmark
  public DashboardModel everyRecord() throws InvalidEventException {
    DashboardModel model = model();
    for (byte[] value : values) {
      model.apply(codec.decode(value));
    }
    return model;
  }

  @Benchmark
  public DashboardModel latestPerChartPoint() throws InvalidEventException {
    DashboardModel model = model();
    for (int from = 0; from < values.size(); from += BATCH) {
      Map<Object, Integer> latest = new HashMap<>();
      Object[] keyOf = new Object[BATCH];
      for (int i = from; i < from + BATCH; i++) {
        EventHeaders.Attributes a = routing.get(i);
        Object key = new ChartPoint(a.siteId(),
            Math.floorDiv(a.time().toEpochMilli(), resolutionMillis));
        keyOf[i - from] = key;
        Integer at = latest.get(key);
        if (at == null || !a.time().isBefore(routing.get(at).time())) {
          latest.put(key, i);
        }
      }
      for (int i = from; i < from + BATCH; i++) {
        if (latest.get(keyOf[i - from]) == i) {
          model.apply(codec.decode(values.get(i)));
        }
      }
    }
    return model;
  }

  @Benchmark
  public DashboardModel chartSteps() throws Exception {
    DashboardModel model = model();
    DashboardEventHandler handler = new DashboardEventHandler(model, REPLAY,
        Clock.systemUTC(), metrics, source -> codec.decode(source.value()));
    for (int from = 0; from < values.size(); from += BATCH) {
      for (int i = from; i < from + BATCH; i++) {
        if (!handler.handleUndecoded(routing.get(i), sources.get(i))) {
          handler.handle(codec.decode(values.get(i)), sources.get(i));
        }
      }
      handler.afterBatch(CaughtUp.ALWAYS, from + BATCH < values.size());
    }
    return model;
  }

  /** ADR-033's coalescing key: a site's chart point. */
  private record ChartPoint(String siteId, long bucket) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ChartPoint other && bucket == other.bucket
          && siteId.equals(other.siteId);
    }

    @Override
    public int hashCode() {
      return 31 * siteId.hashCode() + Long.hashCode(bucket);
    }
  }

  private static DashboardModel model() {
    return new DashboardModel(ModelLimits.defaults(), new UpdateLog(20_000, 1));
  }
}
