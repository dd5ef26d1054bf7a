package com.towerco.analytics.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;

/** The sink's own meters: batches, events written, failed writes, buffered events. */
public final class IngestMetrics {
  private final Counter batches;
  private final Counter events;
  private final Counter failures;
  private final Timer writeTime;
  private final AtomicLong buffered = new AtomicLong();

  public IngestMetrics(MeterRegistry registry) {
    batches = Counter.builder("towerco_analytics_batches_written")
        .description("Transactions that stored a batch and its offsets").register(registry);
    events = Counter.builder("towerco_analytics_events_written")
        .description("New events stored (redeliveries excluded)").register(registry);
    failures = Counter.builder("towerco_analytics_write_failures")
        .description("Batch writes that failed and will be retried").register(registry);
    writeTime = Timer.builder("towerco_analytics_batch_write")
        .description("Time to write one batch").register(registry);
    Gauge.builder("towerco_analytics_buffered_events", buffered, AtomicLong::get)
        .description("Events held in memory waiting for the database").register(registry);
  }

  void written(int inserted, long nanos) {
    batches.increment();
    events.increment(inserted);
    writeTime.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  void failed() {
    failures.increment();
  }

  /** Handlers add what they buffer and subtract what they write or drop. */
  void buffered(long delta) {
    buffered.addAndGet(delta);
  }

  public long bufferedEvents() {
    return buffered.get();
  }

  public double eventsWritten() {
    return events.count();
  }

  public double failures() {
    return failures.count();
  }
}
