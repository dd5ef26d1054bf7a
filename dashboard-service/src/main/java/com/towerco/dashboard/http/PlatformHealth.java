package com.towerco.dashboard.http;

import com.towerco.dashboard.domain.Throughput;
import com.towerco.platform.access.Visibility;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.RequestParams;
import com.towerco.platform.metrics.LatencyWindow;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.metrics.ServiceMetrics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/dashboard/platform-health} (NOC only): every service of this process with
 * its throughput in and out (events/s over the last minute), processing latency from event time
 * (p50, p99 over the last minute, estimated from the latency histogram's buckets: ADR-036),
 * consumer lag and dead-lettered records, read from the process's metrics registry (the numbers
 * {@code /metrics} gives Prometheus). Totals are sampled every few seconds so the rates need no
 * Prometheus.
 */
public final class PlatformHealth {
  public static final String PATH = DashboardApi.BASE + "/dashboard/platform-health";

  private final PlatformMetrics metrics;
  private final Clock clock;
  private final Throughput throughput = new Throughput(60_000);
  private final Instant started;

  public PlatformHealth(PlatformMetrics metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
    this.started = clock.instant();
  }

  public void register(RoutesConfig routes) {
    routes.get(PATH, this::serve);
  }

  /** Takes one sample of every service's totals (called every few seconds). */
  public void sample() {
    long now = clock.millis();
    for (ServiceMetrics service : metrics.services()) {
      throughput.record(service.service(), new Throughput.Sample(now, service.totalIn(),
          service.totalOut()));
    }
  }

  private void serve(Context ctx) {
    Visibility.requireOperator(Caller.of(ctx).viewer());
    RequestParams.strict(ctx);
    sample();
    MeterRegistry registry = metrics.registry();
    List<Map<String, Object>> services = new ArrayList<>();
    List<ServiceMetrics> all = new ArrayList<>(metrics.services());
    all.sort(Comparator.comparing(ServiceMetrics::service));
    for (ServiceMetrics s : all) {
      Throughput.Rate rate = throughput.rate(s.service());
      // The busiest input's latency (over the last minute) is the service's headline; every
      // input's is listed.
      List<LatencyWindow.Quantiles> inputs = s.latencies(clock.millis());
      LatencyWindow.Quantiles latency = inputs.isEmpty() ? null : inputs.get(0);
      Map<String, Object> byInput = new LinkedHashMap<>();
      for (LatencyWindow.Quantiles input : inputs) {
        byInput.put(input.input(), Map.of(
            "p50_seconds", round(input.p50Seconds()), "p99_seconds", round(input.p99Seconds())));
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("service", s.service());
      row.put("events_in", s.totalIn());
      row.put("events_out", s.totalOut());
      row.put("in_per_second", round(rate.inPerSecond()));
      row.put("out_per_second", round(rate.outPerSecond()));
      row.put("rate_over_seconds", round(rate.overSeconds()));
      row.put("latency_p50_seconds", latency == null ? 0 : round(latency.p50Seconds()));
      row.put("latency_p99_seconds", latency == null ? 0 : round(latency.p99Seconds()));
      row.put("latency_input", latency == null ? null : latency.input());
      row.put("latency_by_input", byInput);
      row.put("consumer_lag", s.lag());
      row.put("dead_lettered", s.totalDeadLettered());
      row.put("duplicates_skipped", sum(registry, "towerco_duplicates_skipped", s.service()));
      services.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("as_of", clock.instant().toString());
    body.put("up_since", started.toString());
    body.put("services", services);
    ctx.header("Cache-Control", "no-store");
    ctx.json(body);
  }

  private static long sum(MeterRegistry registry, String name, String service) {
    return (long) registry.find(name).tag("service", service).counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
