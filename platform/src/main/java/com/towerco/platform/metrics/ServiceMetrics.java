package com.towerco.platform.metrics;

import com.towerco.events.EventType;
import com.towerco.events.EventTypes;
import com.towerco.events.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The metrics every service exposes: events in (by type), events out (by topic family),
 * dead-lettered records (by reason), duplicates skipped, events too late for their window,
 * processing latency from event time to processed (by input topic family), and consumer lag.
 * Counters are cached per tag value so the hot path does not look meters up.
 */
public final class ServiceMetrics {
  private final MeterRegistry registry;
  private final String service;
  private final Map<String, Inbound> in = new ConcurrentHashMap<>();
  private final Map<String, Counter> out = new ConcurrentHashMap<>();
  private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
  private final Counter duplicates;
  private final Counter late;
  private final Counter rereads;
  private final Counter retries;
  /** Exported as {@code towerco_processing_latency_seconds}. */
  public static final String LATENCY = "towerco_processing_latency";

  private final Map<String, InputLatency> inputLatency = new ConcurrentHashMap<>();
  private final Map<String, LatencyWindow> windows = new ConcurrentHashMap<>();
  private final LongAdder totalIn = new LongAdder();
  private final AtomicLong totalOut = new AtomicLong();
  private final AtomicLong totalDeadLettered = new AtomicLong();
  private volatile Supplier<Long> lag = () -> 0L;

  ServiceMetrics(MeterRegistry registry, String service) {
    this.registry = registry;
    this.service = service;
    this.duplicates = Counter.builder("towerco_duplicates_skipped")
        .description("Events skipped because their event_id was already processed")
        .tag("service", service).register(registry);
    this.late = Counter.builder("towerco_late_events")
        .description("Events too late for any open window (older than the grace period): "
            + "processed but not counted")
        .tag("service", service).register(registry);
    this.rereads = Counter.builder("towerco_batch_rereads")
        .description("Times a consumer loop went back to its committed offsets because an "
            + "output was not written or a batch failed (nothing committed past it)")
        .tag("service", service).register(registry);
    this.retries = Counter.builder("towerco_handler_retries")
        .description("Records handled again after a transient failure")
        .tag("service", service).register(registry);
    // Every reason starts at zero, so Prometheus' increase() sees a service's first dead letter.
    for (RejectReason reason : RejectReason.values()) {
      deadLetterCounter(reason.name());
    }
    Gauge.builder("towerco_consumer_lag", this, m -> m.lag.get())
        .description("Records behind the end of the input topics")
        .tag("service", service).register(registry);
  }

  public String service() {
    return service;
  }

  /** The registry, for a service's own meters (always tagged without tenant ids). */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * One event handled: counted by type and its latency from event time recorded in its input
   * family's histogram. Called once per record by every consumer, so it does one map lookup, two
   * adder increments and a bucket increment (no client-side percentiles: see {@link #latencies}).
   */
  public void eventIn(String eventType, Instant eventTime, long nowMillis) {
    Inbound inbound = in.get(eventType);
    if (inbound == null) {
      inbound = in.computeIfAbsent(eventType, this::inbound);
    }
    inbound.events.increment();
    totalIn.increment();
    long millis = Math.max(0, nowMillis - eventTime.toEpochMilli());
    inbound.latency.timer().record(millis, TimeUnit.MILLISECONDS);
    if (millis > LAST_BOUND_MILLIS) {
      inbound.latency.beyondLastBound().increment();
    }
  }

  /** The meters an event type's records go to: its counter and its input family's latency. */
  private record Inbound(Counter events, InputLatency latency) {}

  /**
   * An input family's latency histogram, and its records beyond the last bucket counted apart:
   * the histogram's buckets and its total are not read atomically, so the health view takes its
   * total from one snapshot's buckets plus this count, never from {@code Timer.count()}.
   */
  record InputLatency(Timer timer, LongAdder beyondLastBound) {}

  private Inbound inbound(String eventType) {
    return new Inbound(Counter.builder("towerco_events_in")
        .description("Events processed").tag("service", service).tag("event_type", eventType)
        .register(registry), latencyTimer(eventType));
  }

  public void eventOut(String family) {
    out.computeIfAbsent(family, f -> Counter.builder("towerco_events_out")
        .description("Events published").tag("service", service).tag("topic_family", f)
        .register(registry)).increment();
    totalOut.incrementAndGet();
  }

  public void deadLettered(String reason) {
    deadLetterCounter(reason).increment();
    totalDeadLettered.incrementAndGet();
  }

  private Counter deadLetterCounter(String reason) {
    return deadLettered.computeIfAbsent(reason, r -> Counter.builder("towerco_dlq")
        .description("Records sent to the dead-letter topic").tag("service", service)
        .tag("reason", r).register(registry));
  }

  public void duplicateSkipped() {
    duplicates.increment();
  }

  public void lateEvent() {
    late.increment();
  }

  /** The loop went back to its committed offsets to read a failed batch again. */
  public void batchReread() {
    rereads.increment();
  }

  public long totalRereads() {
    return (long) rereads.count();
  }

  /** A record is handled again after a transient failure. */
  public void handlerRetry() {
    retries.increment();
  }

  public void lagSource(Supplier<Long> lag) {
    this.lag = lag;
  }

  /**
   * Exports {@code towerco_service_ready} (1 ready, 0 not), what {@code /health/ready} says per
   * service, so an alert can name the service that is not ready.
   */
  public void readinessSource(java.util.function.BooleanSupplier ready) {
    Gauge.builder("towerco_service_ready", ready, r -> r.getAsBoolean() ? 1 : 0)
        .description("1 when the service is ready (processing or able to), else 0")
        .tag("service", service).strongReference(true).register(registry);
  }

  public long totalIn() {
    return totalIn.sum();
  }

  /** Events published by this service since the process started. */
  public long totalOut() {
    return totalOut.get();
  }

  public long totalDeadLettered() {
    return totalDeadLettered.get();
  }

  public long lag() {
    return lag.get();
  }

  /**
   * p50 and p99 of each input family's latency over the last minute (at least; see
   * {@link LatencyWindow}), estimated from the histogram's buckets the way Prometheus'
   * {@code histogram_quantile} does, busiest input first. Takes a sample of the buckets.
   */
  public java.util.List<LatencyWindow.Quantiles> latencies(long nowMillis) {
    java.util.List<LatencyWindow.Quantiles> all = new java.util.ArrayList<>();
    inputLatency.forEach((input, latency) -> all.add(windows.computeIfAbsent(input,
        i -> new LatencyWindow(i, latency.timer(), latency.beyondLastBound()))
        .quantiles(nowMillis)));
    all.sort(java.util.Comparator.comparingLong(LatencyWindow.Quantiles::total).reversed());
    return all;
  }

  /**
   * The latency histogram's bucket bounds. Percentiles are computed from them (by Prometheus'
   * {@code histogram_quantile} and by {@link #latencies}), not per record in the process: a
   * client-side percentile timer recorded every record into a ring of HdrHistograms, 6-18 % of
   * every consumer thread (ADR-036). Fine enough below a second to tell 300 from 500 ms.
   */
  static final Duration[] LATENCY_BUCKETS = {
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(75), Duration.ofMillis(100), Duration.ofMillis(150),
      Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofMillis(300),
      Duration.ofMillis(400), Duration.ofMillis(500), Duration.ofMillis(750),
      Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(2),
      Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofSeconds(60)};

  private static final long LAST_BOUND_MILLIS =
      LATENCY_BUCKETS[LATENCY_BUCKETS.length - 1].toMillis();

  /**
   * Latency is kept per input family (site events, KPIs, alerts, ...): a KPI is published when
   * its window closes, so its latency says nothing about how fast site events flow. Timers
   * rather than distribution summaries, whose histograms round values up to whole seconds.
   */
  private InputLatency latencyTimer(String eventType) {
    String input = INPUT_OF.getOrDefault(eventType, "other");
    return inputLatency.computeIfAbsent(input, i -> new InputLatency(Timer.builder(LATENCY)
        .description("From event time to processed by this service, by input topic family")
        .tag("service", service).tag("input", i)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry), new LongAdder()));
  }

  private static final Map<String, String> INPUT_OF = EventTypes.all().stream().collect(
      Collectors.toMap(EventType::name, t -> t.topic().name().toLowerCase(), (a, b) -> a));
}
