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
 * The dashboard's read of one polled batch (ADR-033): 2,000 telemetry records of 50 sites, one
 * reading per site a second as in {@code bench} (a backlog being drained), into a fresh read
 * model; every record decoded and applied (before), against only the latest reading per site
 * and chart point decoded and applied, chosen from the routing headers by the handler's own
 * {@link DashboardEventHandler#coalesceKey} (after), in the same run. Throughput in batches per
 * second; the ratio is the measurement. At the fleet's real rate (a reading per site every
 * 10 s) a batch rarely holds two readings of a site within one chart point, and both paths do
 * the same work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DashboardReadBenchmark {
  private static final int SITES = 50;
  private static final int READINGS_PER_SITE = 40;

  private final EventCodec codec = new EventCodec();
  private final List<byte[]> values = new ArrayList<>();
  private final List<EventHeaders.Attributes> routing = new ArrayList<>();
  private final DashboardEventHandler keys = new DashboardEventHandler(model(),
      new DashboardSettings.Replay(Duration.ofMinutes(30), Duration.ofHours(1),
          Duration.ofHours(1), Duration.ofHours(1)), Clock.systemUTC(),
      new PlatformMetrics().forService("dashboard-bench"));

  public DashboardReadBenchmark() {
    Instant start = Instant.parse("2026-12-06T10:00:00Z");
    for (int second = 0; second < READINGS_PER_SITE; second++) {
      for (int site = 0; site < SITES; site++) {
        Envelope e = Envelope.of(EventIds.random(), "towerco", String.format("S%04d", site),
            start.plusSeconds(second), EnvelopeDecodeBenchmark.reading(),
            Map.of("producer", "simulator"));
        values.add(codec.encode(e));
        routing.add(EventHeaders.Attributes.of(e));
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
    Map<Object, Integer> latest = new HashMap<>();
    Object[] keyOf = new Object[values.size()];
    for (int i = 0; i < values.size(); i++) {
      Object key = keys.coalesceKey(routing.get(i));
      keyOf[i] = key;
      Integer at = latest.get(key);
      if (at == null || !routing.get(i).time().isBefore(routing.get(at).time())) {
        latest.put(key, i);
      }
    }
    for (int i = 0; i < values.size(); i++) {
      if (latest.get(keyOf[i]) == i) {
        model.apply(codec.decode(values.get(i)));
      }
    }
    return model;
  }

  private static DashboardModel model() {
    return new DashboardModel(ModelLimits.defaults(), new UpdateLog(20_000, 1));
  }
}
