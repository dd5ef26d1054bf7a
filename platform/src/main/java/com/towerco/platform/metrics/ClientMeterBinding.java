package com.towerco.platform.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The meters of one Kafka client: one per metric of {@link KafkaClientMeters#ALLOWED} the client
 * has, and none other. {@link #refresh} walks the client's metric map and looks each name up in
 * the allow-list (two hash look-ups per metric, nothing read, nothing registered for the
 * thousands of per-partition metrics a consumer of many site topics carries); a meter reads its
 * metric only when scraped. Named as Micrometer's Kafka binders name them ({@code
 * kafka.<group without -metrics>.<name>}, dashes as dots; a counter when the name ends in
 * {@code total} or {@code count}, or is one of {@link KafkaClientMeters#CUMULATIVE}), tagged
 * with the metric's own tags, {@code kafka.version} (the client's {@code app-info} version) and
 * {@code client_kind}, so the monitoring pack's series are the same as before.
 */
final class ClientMeterBinding {
  private final MeterRegistry registry;
  private final Supplier<Map<MetricName, ? extends Metric>> metrics;
  private final String kind;
  private final Map<MetricName, Bound> bound = new HashMap<>();
  private boolean closed;
  private String version = "unknown";

  /** A registered meter and the client metric it reads (replaced if the client re-creates it). */
  private record Bound(Meter meter, AtomicReference<Metric> metric) {}

  ClientMeterBinding(MeterRegistry registry, String kind,
      Supplier<Map<MetricName, ? extends Metric>> metrics) {
    this.registry = registry;
    this.kind = kind;
    this.metrics = metrics;
  }

  /** Registers meters for allowed metrics the client has gained, removes those it has lost. */
  synchronized void refresh() {
    if (closed) {
      return;
    }
    Map<MetricName, Metric> wanted = new HashMap<>();
    for (Map.Entry<MetricName, ? extends Metric> e : metrics.get().entrySet()) {
      MetricName name = e.getKey();
      if (KafkaClientMeters.allowed(name)) {
        wanted.put(name, e.getValue());
      } else if (name.group().equals("app-info") && name.name().equals("version")) {
        version = String.valueOf(e.getValue().metricValue());
      }
    }
    for (Iterator<Map.Entry<MetricName, Bound>> it = bound.entrySet().iterator(); it.hasNext();) {
      Map.Entry<MetricName, Bound> e = it.next();
      Metric now = wanted.get(e.getKey());
      if (now == null) {
        registry.remove(e.getValue().meter());
        it.remove();
      } else {
        e.getValue().metric().set(now);
      }
    }
    wanted.forEach((name, metric) -> {
      if (!bound.containsKey(name) && metric.metricValue() instanceof Number) {
        AtomicReference<Metric> ref = new AtomicReference<>(metric);
        bound.put(name, new Bound(register(name, ref), ref));
      }
    });
  }

  synchronized void close() {
    closed = true;
    bound.values().forEach(b -> registry.remove(b.meter()));
    bound.clear();
  }

  synchronized int size() {
    return bound.size();
  }

  private Meter register(MetricName name, AtomicReference<Metric> metric) {
    String meterName = meterName(name);
    List<Tag> tags = tags(name);
    if (meterName.endsWith("total") || meterName.endsWith("count")
        || KafkaClientMeters.CUMULATIVE.contains(name.name())) {
      return FunctionCounter.builder(meterName, metric, ClientMeterBinding::value).tags(tags)
          .description(name.description()).register(registry);
    }
    return Gauge.builder(meterName, metric, ClientMeterBinding::value).tags(tags)
        .description(name.description()).strongReference(true).register(registry);
  }

  static String meterName(MetricName name) {
    return ("kafka." + name.group() + "." + name.name()).replace("-metrics", "").replace('-', '.');
  }

  private List<Tag> tags(MetricName name) {
    List<Tag> tags = new ArrayList<>();
    name.tags().forEach((k, v) -> tags.add(Tag.of(k.replace('-', '.'), v)));
    tags.add(Tag.of("kafka.version", version));
    tags.add(Tag.of("client_kind", kind));
    return tags;
  }

  private static double value(AtomicReference<Metric> metric) {
    return metric.get().metricValue() instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
