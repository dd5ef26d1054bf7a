package com.towerco.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The process-wide metrics registry, scraped in Prometheus text format at {@code /metrics}. */
public final class PlatformMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final java.util.Map<String, ServiceMetrics> services =
      new java.util.concurrent.ConcurrentHashMap<>();

  public PlatformMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /** Metrics of one service, tagged with its name; one instance per service per process. */
  public ServiceMetrics forService(String service) {
    return services.computeIfAbsent(service, s -> new ServiceMetrics(registry, s));
  }

  /** Every service that has registered metrics in this process. */
  public java.util.Collection<ServiceMetrics> services() {
    return services.values();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
