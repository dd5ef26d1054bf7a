package com.towerco.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.LoggerFactory;

/**
 * Kafka's own client metrics (request latency, errors and retries, rebalances, poll and commit
 * times, fetch rate and lag, Streams thread rates and failed threads) on {@code /metrics}, named
 * {@code kafka_producer_*}, {@code kafka_consumer_*} and {@code kafka_stream_*} with the client's
 * {@code client_id} and {@code client_kind} (producer, consumer, streams). A binding lasts as long
 * as its client: closing it removes the client's meters.
 *
 * <p>Only the client-level metrics of {@link #ALLOWED} are ever registered (ADR-021). Metrics
 * per topic, partition, node, task or processor are never read: with a topic per site they are
 * thousands per client, and Micrometer's binders, which re-bound all of them whenever the set
 * changed, took about a third of the process's CPU in the pipeline bench. Lag per service is
 * {@code towerco_consumer_lag}.
 */
public final class KafkaClientMeters {
  /**
   * How often a binding looks for allowed metrics the client created or dropped since (a Streams
   * client's threads are created at start and replaced after a failure).
   */
  static final Duration REFRESH = Duration.ofSeconds(60);

  /** Client-level metrics by group: what the alert rules, dashboards and operators read. */
  static final Map<String, Set<String>> ALLOWED = Map.of(
      "producer-metrics", Set.of("record-send-rate", "record-send-total", "record-error-rate",
          "record-error-total", "record-retry-rate", "record-retry-total", "request-latency-avg",
          "request-latency-max", "batch-size-avg", "records-per-request-avg",
          "buffer-available-bytes", "waiting-threads", "outgoing-byte-rate"),
      "consumer-metrics", Set.of("time-between-poll-avg", "time-between-poll-max",
          "poll-idle-ratio-avg", "last-poll-seconds-ago", "incoming-byte-rate"),
      "consumer-fetch-manager-metrics", Set.of("records-consumed-rate",
          "records-consumed-total", "fetch-rate", "fetch-latency-avg", "fetch-latency-max",
          "records-lag-max", "records-per-request-avg"),
      "consumer-coordinator-metrics", Set.of("commit-rate", "commit-latency-avg",
          "commit-latency-max", "rebalance-rate-per-hour", "rebalance-total",
          "rebalance-latency-avg", "rebalance-latency-max", "failed-rebalance-total",
          "last-rebalance-seconds-ago", "assigned-partitions"),
      "stream-metrics", Set.of("alive-stream-threads", "failed-stream-threads"),
      "stream-thread-metrics", Set.of("process-rate", "process-latency-avg",
          "process-latency-max", "process-ratio", "poll-rate", "poll-records-avg", "poll-ratio",
          "commit-rate", "commit-latency-avg", "commit-latency-max", "commit-ratio",
          "punctuate-rate", "punctuate-ratio"));

  /**
   * Cumulative counts whose Kafka name does not say so: exported as counters ({@code _total}),
   * so that {@code increase()} over them works (the failed-thread alert rule).
   */
  static final Set<String> CUMULATIVE = Set.of("failed-stream-threads");

  /** Tags that make a metric finer than its client (or its Streams thread). */
  private static final Set<String> FINER = Set.of("topic", "partition", "node-id", "task-id",
      "processor-node-id", "store-name");

  /** One thread for every binding of the process: refreshing is a few map walks a minute. */
  private static final ScheduledExecutorService REFRESHER =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kafka-client-meters");
        thread.setDaemon(true);
        return thread;
      });

  private static final KafkaClientMeters NONE = new KafkaClientMeters(null);

  private final MeterRegistry registry;

  public KafkaClientMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Binds nothing: for clients of a process without a metrics registry. */
  public static KafkaClientMeters none() {
    return NONE;
  }

  /** Whether a client metric is one this class registers. */
  static boolean allowed(MetricName name) {
    Set<String> names = ALLOWED.get(name.group());
    if (names == null || !names.contains(name.name())) {
      return false;
    }
    for (String tag : FINER) {
      if (name.tags().containsKey(tag)) {
        return false;
      }
    }
    return true;
  }

  public AutoCloseable bind(Producer<?, ?> producer) {
    return bind("producer", producer::metrics);
  }

  public AutoCloseable bind(Consumer<?, ?> consumer) {
    return bind("consumer", consumer::metrics);
  }

  public AutoCloseable bind(KafkaStreams streams) {
    return bind("streams", streams::metrics);
  }

  /** Binds the allowed metrics of any client; the binding refreshes until closed. */
  AutoCloseable bind(String kind, Supplier<Map<MetricName, ? extends Metric>> metrics) {
    if (registry == null) {
      return () -> { };
    }
    ClientMeterBinding binding = new ClientMeterBinding(registry, kind, metrics);
    binding.refresh();
    ScheduledFuture<?> refresh = REFRESHER.scheduleWithFixedDelay(() -> refresh(binding),
        REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        refresh.cancel(false);
        binding.close();
      }
    };
  }

  private static void refresh(ClientMeterBinding binding) {
    try {
      binding.refresh();
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(KafkaClientMeters.class).debug("refreshing client meters: {}",
          e.toString());
    }
  }
}
