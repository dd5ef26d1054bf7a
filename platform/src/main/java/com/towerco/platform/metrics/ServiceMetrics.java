package com.towerco.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The metrics every service exposes: events in (by type), events out (by topic family),
 * dead-lettered records (by reason), duplicates skipped, processing latency from event time to
 * processed, and consumer lag. Counters are cached per tag value so the hot path does not look
 * meters up.
 */
public final class ServiceMetrics {
  private final MeterRegistry registry;
  private final String service;
  private final Map<String, Counter> in = new ConcurrentHashMap<>();
  private final Map<String, Counter> out = new ConcurrentHashMap<>();
  private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
  private final Counter duplicates;
  private final DistributionSummary latency;
  private final AtomicLong totalIn = new AtomicLong();
  private final AtomicLong totalDeadLettered = new AtomicLong();
  private volatile Supplier<Long> lag = () -> 0L;

  ServiceMetrics(MeterRegistry registry, String service) {
    this.registry = registry;
    this.service = service;
    this.duplicates = Counter.builder("towerco_duplicates_skipped")
        .description("Events skipped because their event_id was already processed")
        .tag("service", service).register(registry);
    this.latency = DistributionSummary.builder("towerco_processing_latency_seconds")
        .description("From event time to processed by this service")
        .baseUnit("seconds")
        .tag("service", service)
        .publishPercentiles(0.5, 0.99)
        .serviceLevelObjectives(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60)
        .register(registry);
    Gauge.builder("towerco_consumer_lag", this, m -> m.lag.get())
        .description("Records behind the end of the input topics")
        .tag("service", service).register(registry);
  }

  public String service() {
    return service;
  }

  public void eventIn(String eventType, Instant eventTime, long nowMillis) {
    in.computeIfAbsent(eventType, t -> Counter.builder("towerco_events_in")
        .description("Events processed").tag("service", service).tag("event_type", t)
        .register(registry)).increment();
    totalIn.incrementAndGet();
    latency.record(Math.max(0, nowMillis - eventTime.toEpochMilli()) / 1000.0);
  }

  public void eventOut(String family) {
    out.computeIfAbsent(family, f -> Counter.builder("towerco_events_out")
        .description("Events published").tag("service", service).tag("topic_family", f)
        .register(registry)).increment();
  }

  public void deadLettered(String reason) {
    deadLettered.computeIfAbsent(reason, r -> Counter.builder("towerco_dlq")
        .description("Records sent to the dead-letter topic").tag("service", service)
        .tag("reason", r).register(registry)).increment();
    totalDeadLettered.incrementAndGet();
  }

  public void duplicateSkipped() {
    duplicates.increment();
  }

  public void lagSource(Supplier<Long> lag) {
    this.lag = lag;
  }

  public long totalIn() {
    return totalIn.get();
  }

  public long totalDeadLettered() {
    return totalDeadLettered.get();
  }

  public long lag() {
    return lag.get();
  }

  public double latencyP99Seconds() {
    return latency.takeSnapshot().percentileValues().length > 1
        ? latency.takeSnapshot().percentileValues()[1].value() : 0;
  }
}
