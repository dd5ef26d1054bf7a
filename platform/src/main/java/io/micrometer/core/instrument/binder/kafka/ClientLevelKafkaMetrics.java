package io.micrometer.core.instrument.binder.kafka;

import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Micrometer's Kafka binder (the same meter names as {@code KafkaClientMetrics} and
 * {@code KafkaStreamsMetrics}) over only a client's client-level metrics: those tagged with a
 * topic or a partition are dropped before the binder sees them. Micrometer's binder compares
 * every metric of a client with the meters it registered at each refresh; with a topic per site
 * a consumer has tens of thousands of per-partition metrics, and at 2,500 sites those refreshes
 * were 61 % of the process's CPU samples (ADR-022), although a meter filter then denied every
 * one of them. It lives in Micrometer's package because the binder's constructor from a
 * metrics supplier is package-private there.
 */
public final class ClientLevelKafkaMetrics extends KafkaMetrics {
  public ClientLevelKafkaMetrics(Supplier<Map<MetricName, ? extends Metric>> metrics,
      Iterable<Tag> tags, ScheduledExecutorService refresh, Duration refreshInterval) {
    super(() -> clientLevel(metrics.get()), tags, refresh, refreshInterval);
  }

  /** The metrics tagged with neither a topic nor a partition. */
  static Map<MetricName, Metric> clientLevel(Map<MetricName, ? extends Metric> all) {
    Map<MetricName, Metric> kept = new HashMap<>();
    all.forEach((name, metric) -> {
      Map<String, String> tags = name.tags();
      if (!tags.containsKey("topic") && !tags.containsKey("partition")) {
        kept.put(name, metric);
      }
    });
    return kept;
  }
}
