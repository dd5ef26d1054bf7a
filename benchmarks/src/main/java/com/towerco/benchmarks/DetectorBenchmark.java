package com.towerco.benchmarks;

import com.towerco.aiops.detection.Detector;
import com.towerco.aiops.detection.DetectorFactory;
import com.towerco.aiops.detection.Detectors;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Points per second per core through each detector, on a seasonal series (14 days of 5-minute
 * points: a daily rhythm, noise, a spike every ~400 points and a lasting step half way), and the
 * same values a second apart ({@code stepMillis} 1000: a 1 Hz series, which the default detector
 * also judges per one-minute step mean, ADR-041). {@code observe}: the detector held in memory
 * (a cached store entry). {@code observeThroughSnapshot}: every point restores the detector from its
 * snapshot, observes and snapshots again, what a Kafka Streams processor pays when each point
 * reads and writes the (site, metric) state in its key-value store.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectorBenchmark {
  private static final int POINTS = 14 * 288;
  private static final long START = 1_775_001_600_000L; // 2026-04-01T00:00:00Z

  @Param({"adaptive", "ewma", "window-mad"})
  public String detector;

  @Param({"300000", "1000"})
  public long stepMillis;

  private DetectorFactory factory;
  private long[] times;
  private double[] values;
  private Detector live;
  private byte[] snapshot;

  @Setup(Level.Trial)
  public void series() {
    factory = Detectors.byName(detector);
    SplittableRandom random = new SplittableRandom(2);
    times = new long[POINTS];
    values = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      times[i] = START + i * stepMillis;
      values[i] = 100 + 30 * Math.sin(2 * Math.PI * i / 288.0) + 3 * random.nextGaussian()
          + (random.nextInt(400) == 0 ? 40 : 0) + (i > POINTS / 2 ? 25 : 0);
    }
  }

  @Setup(Level.Iteration)
  public void freshDetector() {
    live = factory.create();
    snapshot = live.snapshot();
  }

  @Benchmark
  @OperationsPerInvocation(POINTS)
  public void observe(Blackhole hole) {
    long shift = times[POINTS - 1] - times[0] + stepMillis;
    for (int i = 0; i < POINTS; i++) {
      hole.consume(live.observe(times[i], values[i]));
    }
    // Keep time moving forward across invocations.
    for (int i = 0; i < POINTS; i++) {
      times[i] += shift;
    }
  }

  @Benchmark
  @OperationsPerInvocation(1000)
  public void observeThroughSnapshot(Blackhole hole) {
    long shift = times[999] - times[0] + stepMillis;
    for (int i = 0; i < 1000; i++) {
      Detector d = factory.restore(snapshot);
      hole.consume(d.observe(times[i], values[i]));
      snapshot = d.snapshot();
    }
    for (int i = 0; i < 1000; i++) {
      times[i] += shift;
    }
  }
}
