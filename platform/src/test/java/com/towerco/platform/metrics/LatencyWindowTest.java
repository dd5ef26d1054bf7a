package com.towerco.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The health view's quantiles stay right while consumers record (found in review, ADR-036). */
class LatencyWindowTest {

  private static Timer timer() {
    return Timer.builder("t").serviceLevelObjectives(ServiceMetrics.LATENCY_BUCKETS)
        .register(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  @Test
  void aRecordLandingWhileTheBucketsAreReadDoesNotMakeTheP99SixtySeconds() {
    Timer real = timer();
    AtomicBoolean racing = new AtomicBoolean();
    Timer recordsWhileRead = new RecordingAfterSnapshot(real, racing);
    LatencyWindow window = new LatencyWindow("site_events", recordsWhileRead, new LongAdder());
    for (int i = 0; i < 50; i++) {
      real.record(120, TimeUnit.MILLISECONDS);
    }
    racing.set(true);
    LatencyWindow.Quantiles quantiles = window.quantiles(0);
    assertThat(quantiles.p99Seconds()).as("p99 of records all at 120 ms").isBetween(0.100, 0.150);
    assertThat(quantiles.total()).isEqualTo(50);
  }

  @Test
  void aConsumerRecordingWhileTheViewIsReadNeverSeesAQuantileOutsideItsBucket() throws Exception {
    Timer real = timer();
    LatencyWindow window = new LatencyWindow("site_events", real, new LongAdder());
    AtomicBoolean stop = new AtomicBoolean();
    Thread consumer = new Thread(() -> {
      while (!stop.get()) {
        real.record(120, TimeUnit.MILLISECONDS);
      }
    });
    consumer.start();
    int reads = 0;
    int wrong = 0;
    try {
      for (long now = 61_000; reads < 20_000; now += 61_000, reads++) {
        LatencyWindow.Quantiles q = window.quantiles(now);
        if (q.total() > 0 && (q.p99Seconds() < 0.100 || q.p99Seconds() > 0.150)) {
          wrong++;
        }
      }
    } finally {
      stop.set(true);
      consumer.join();
    }
    assertThat(wrong).as("windows of %d reads with a p99 outside 100-150 ms", reads).isZero();
  }

  @Test
  void recordsBeyondTheLastBoundCountAndReportTheLastBound() {
    Timer timer = timer();
    LongAdder beyond = new LongAdder();
    LatencyWindow window = new LatencyWindow("site_events", timer, beyond);
    for (int i = 0; i < 90; i++) {
      timer.record(120, TimeUnit.MILLISECONDS);
    }
    for (int i = 0; i < 10; i++) {
      timer.record(90, TimeUnit.SECONDS);
      beyond.increment();
    }
    LatencyWindow.Quantiles quantiles = window.quantiles(0);
    assertThat(quantiles.total()).isEqualTo(100);
    assertThat(quantiles.p50Seconds()).isBetween(0.100, 0.150);
    assertThat(quantiles.p99Seconds()).isEqualTo(60.0);
  }

  /** Records one more value right after each snapshot, as a consumer thread can. */
  private record RecordingAfterSnapshot(Timer real, AtomicBoolean racing) implements Timer {
    @Override
    public HistogramSnapshot takeSnapshot() {
      HistogramSnapshot snapshot = real.takeSnapshot();
      if (racing.get()) {
        real.record(120, TimeUnit.MILLISECONDS);
      }
      return snapshot;
    }

    @Override
    public void record(long amount, TimeUnit unit) {
      real.record(amount, unit);
    }

    @Override
    public <T> T record(Supplier<T> f) {
      return real.record(f);
    }

    @Override
    public <T> T recordCallable(Callable<T> f) throws Exception {
      return real.recordCallable(f);
    }

    @Override
    public void record(Runnable f) {
      real.record(f);
    }

    @Override
    public long count() {
      return real.count();
    }

    @Override
    public double totalTime(TimeUnit unit) {
      return real.totalTime(unit);
    }

    @Override
    public double max(TimeUnit unit) {
      return real.max(unit);
    }

    @Override
    public TimeUnit baseTimeUnit() {
      return real.baseTimeUnit();
    }

    @Override
    public Id getId() {
      return real.getId();
    }
  }
}
