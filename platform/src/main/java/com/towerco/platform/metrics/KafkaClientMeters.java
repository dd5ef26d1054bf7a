package com.towerco.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.ClientLevelKafkaMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Kafka's own client metrics (request latency, errors and retries, rebalances, poll and commit
 * times, Streams thread and task rates) on {@code /metrics}, through Micrometer's Kafka binders,
 * named {@code kafka_producer_*}, {@code kafka_consumer_*} and {@code kafka_stream_*} with the
 * client's {@code client_id} and {@code client_kind} (producer, consumer, streams). A binding
 * lasts as long as its client: closing it removes the
 * client's meters and stops its refresh. Metrics per topic or per partition are left out before
 * the binder sees them ({@link ClientLevelKafkaMetrics}; {@link #PER_TOPIC} also denies any such
 * meter): with a topic per site they would be thousands of series per client, and comparing
 * them at every refresh cost most of the process's CPU at 2,500 sites (ADR-022); lag per
 * service is {@code towerco_consumer_lag}.
 */
public final class KafkaClientMeters {
  /** How often a binding looks for metrics the client registered since (new connections, tasks). */
  static final Duration REFRESH = Duration.ofSeconds(30);

  /** Denies Kafka client meters tagged with a topic or a partition. */
  public static final MeterFilter PER_TOPIC = new MeterFilter() {
    @Override
    public MeterFilterReply accept(Meter.Id id) {
      return id.getName().startsWith("kafka.")
          && (id.getTag("topic") != null || id.getTag("partition") != null)
          ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }
  };

  private static final KafkaClientMeters NONE = new KafkaClientMeters(null);

  private final MeterRegistry registry;

  public KafkaClientMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Binds nothing: for clients of a process without a metrics registry. */
  public static KafkaClientMeters none() {
    return NONE;
  }

  public AutoCloseable bind(Producer<?, ?> producer) {
    if (registry == null) {
      return () -> { };
    }
    ScheduledExecutorService refresh = refresher("producer");
    return binding(new ClientLevelKafkaMetrics(producer::metrics, kind("producer"), refresh,
        REFRESH), refresh);
  }

  public AutoCloseable bind(Consumer<?, ?> consumer) {
    if (registry == null) {
      return () -> { };
    }
    ScheduledExecutorService refresh = refresher("consumer");
    return binding(new ClientLevelKafkaMetrics(consumer::metrics, kind("consumer"), refresh,
        REFRESH), refresh);
  }

  public AutoCloseable bind(KafkaStreams streams) {
    if (registry == null) {
      return () -> { };
    }
    ScheduledExecutorService refresh = refresher("streams");
    return binding(new ClientLevelKafkaMetrics(streams::metrics, kind("streams"), refresh,
        REFRESH), refresh);
  }

  /**
   * A binder given its own scheduler does not stop it on close (it counts it as external), so
   * the binding stops it: a closed client's meters must not come back on the next refresh.
   */
  private AutoCloseable binding(io.micrometer.core.instrument.binder.MeterBinder binder,
      ScheduledExecutorService refresh) {
    binder.bindTo(registry);
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        refresh.shutdownNow();
        ((AutoCloseable) binder).close();
      }
    };
  }

  /** A producer and a consumer may share a client id; the kind keeps their meters apart. */
  private static Tags kind(String kind) {
    return Tags.of("client_kind", kind);
  }

  /** The refresh thread is named by client kind, so a profile tells their costs apart. */
  private static ScheduledExecutorService refresher(String kind) {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "kafka-client-meters-" + kind);
      thread.setDaemon(true);
      return thread;
    });
  }
}
