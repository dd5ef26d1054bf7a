package com.towerco.benchmarks;

import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every consumer pays per record for its metrics: {@link ServiceMetrics#eventIn} (a counter
 * per event type and a bucketed latency histogram, ADR-036) against, in the same run, the meters
 * it used before ADR-036 (the same counter, plus a timer that also kept client-side p50/p99 in a
 * ring of HdrHistograms). Latencies cycle through 1,024 values from 1 ms to 2 s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ServiceMetricsBenchmark {
  private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
  private final long[] now = new long[1024];
  private int next;
  private PlatformMetrics metrics;
  private ServiceMetrics service;
  private Counter counter;
  private Timer percentiles;
  private final AtomicLong total = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(7);
    for (int i = 0; i < now.length; i++) {
      now[i] = T.toEpochMilli() + (long) Math.exp(random.nextDouble() * Math.log(2000));
    }
    metrics = new PlatformMetrics();
    service = metrics.forService("bench");
    counter = Counter.builder("before_events_in").tag("service", "before")
        .tag("event_type", "site.telemetry").register(metrics.registry());
    percentiles = Timer.builder("before_processing_latency").tag("service", "before")
        .tag("input", "site_events").publishPercentiles(0.5, 0.99)
        .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(60))
        .register(metrics.registry());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    metrics.close();
  }

  @Benchmark
  public void eventIn() {
    service.eventIn("site.telemetry", T, now[next++ & 1023]);
  }

  /** The meters per record before ADR-036 (its map lookups left out: a lower bound). */
  @Benchmark
  public void clientSidePercentilesBaseline() {
    counter.increment();
    total.incrementAndGet();
    percentiles.record(Math.max(0, now[next++ & 1023] - T.toEpochMilli()),
        TimeUnit.MILLISECONDS);
  }
}
