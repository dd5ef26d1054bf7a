package com.towerco.dashboard.domain;

import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recent chart series of one site: one {@link SeriesBuffer} per site metric and per tenancy
 * metric, each covering the configured window at a fixed resolution. Not thread-safe; the read
 * model guards it.
 */
public final class TelemetrySeries {
  private final Duration window;
  private final int points;
  private final Map<String, SeriesBuffer> site = new HashMap<>();
  private final Map<String, Map<String, SeriesBuffer>> tenants = new HashMap<>();
  private long newest = Long.MIN_VALUE;

  public TelemetrySeries(Duration window, int points) {
    this.window = window;
    this.points = points;
  }

  public void record(TelemetryPoint point) {
    long t = point.at().toEpochMilli();
    newest = Math.max(newest, t);
    point.site().forEach((metric, value) -> buffer(site, metric).add(t, value));
    point.tenants().forEach((tenant, values) -> values.forEach((metric, value) ->
        buffer(tenants.computeIfAbsent(tenant, x -> new HashMap<>()), metric).add(t, value)));
  }

  /** Every series the viewer may see, trimmed to the window before the newest reading. */
  public Snapshot snapshot(Viewer viewer) {
    long from = newest == Long.MIN_VALUE ? Long.MIN_VALUE : newest - window.toMillis();
    Map<String, SeriesBuffer.Series> siteSeries = new TreeMap<>();
    site.forEach((metric, buffer) -> siteSeries.put(metric, buffer.snapshot(from)));
    Map<String, Map<String, SeriesBuffer.Series>> tenantSeries = new TreeMap<>();
    tenants.forEach((tenant, metrics) -> {
      if (Visibility.ownedBy(viewer, tenant)) {
        Map<String, SeriesBuffer.Series> m = new TreeMap<>();
        metrics.forEach((metric, buffer) -> m.put(metric, buffer.snapshot(from)));
        tenantSeries.put(tenant, m);
      }
    });
    return new Snapshot(window.toSeconds(), newest == Long.MIN_VALUE ? null
        : Instant.ofEpochMilli(newest), siteSeries, tenantSeries);
  }

  private SeriesBuffer buffer(Map<String, SeriesBuffer> buffers, String metric) {
    return buffers.computeIfAbsent(metric,
        m -> new SeriesBuffer(points, resolutionMillis(window, points)));
  }

  /**
   * The width of one chart point: of the readings of one site within it, the chart keeps only
   * the latest ({@link SeriesBuffer}).
   */
  public static long resolutionMillis(Duration window, int points) {
    return Math.max(1, window.toMillis() / points);
  }

  /** Chart data of one site as the viewer may see it. */
  public record Snapshot(long windowSeconds, Instant newest,
      Map<String, SeriesBuffer.Series> site,
      Map<String, Map<String, SeriesBuffer.Series>> tenants) {}
}
