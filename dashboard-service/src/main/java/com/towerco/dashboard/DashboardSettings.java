package com.towerco.dashboard;

import com.towerco.dashboard.domain.ModelLimits;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The dashboard's settings, read from {@code key=value} service settings (durations in ISO-8601,
 * e.g. {@code PT30M}):
 * <ul>
 *   <li>{@code dashboard.group-id} consumer group (default {@code towerco-dashboard-service};
 *       give each dashboard process its own, since every process needs the whole view)
 *   <li>{@code dashboard.consumers} consumer threads (1)
 *   <li>{@code dashboard.replay.site-events} / {@code .kpis} / {@code .alerts} /
 *       {@code .incidents}: how far back (by record time) to read on start
 *       (PT30M / PT6H / P7D / P7D)
 *   <li>{@code dashboard.series.window} / {@code dashboard.series.points}: chart window and
 *       points per series (PT30M / 180)
 *   <li>{@code dashboard.stream.buffer}: live updates kept for reconnecting pages (20000)
 *   <li>{@code dashboard.stream.keep-alive}: comment interval on idle streams (PT15S)
 *   <li>{@code dashboard.stream.max-per-user} / {@code dashboard.stream.max-total}: live
 *       streams open at once per user and in the process, each holding a server thread (5 / 100)
 *   <li>{@code dashboard.alerts.resolved-kept} / {@code dashboard.incidents.resolved-kept}
 *       (2000 / 1000)
 * </ul>
 */
public record DashboardSettings(
    String groupId,
    int consumers,
    Replay replay,
    ModelLimits limits,
    int streamBuffer,
    Duration keepAlive,
    int streamsPerUser,
    int streamsTotal) {

  public static final String DEFAULT_GROUP_ID = "towerco-dashboard-service";

  /** How far back each topic family is read when the read model is rebuilt. */
  public record Replay(Duration siteEvents, Duration kpis, Duration alerts,
      Duration incidents) {}

  public static DashboardSettings from(ServiceSettings s) {
    ModelLimits d = ModelLimits.defaults();
    ModelLimits limits = new ModelLimits(
        duration(s, "dashboard.series.window", d.seriesWindow()),
        positive(s, "dashboard.series.points", d.seriesPoints()),
        d.maxFiringAlerts(),
        positive(s, "dashboard.alerts.resolved-kept", d.maxResolvedAlerts()),
        d.maxOpenIncidents(),
        positive(s, "dashboard.incidents.resolved-kept", d.maxResolvedIncidents()),
        d.maxTimeline(), d.kpiWindowsPerSeries(), d.maxSites(), d.maxAlarmsPerSite(),
        d.dedupHorizon());
    Replay replay = new Replay(
        duration(s, "dashboard.replay.site-events", Duration.ofMinutes(30)),
        duration(s, "dashboard.replay.kpis", Duration.ofHours(6)),
        duration(s, "dashboard.replay.alerts", Duration.ofDays(7)),
        duration(s, "dashboard.replay.incidents", Duration.ofDays(7)));
    return new DashboardSettings(s.string("dashboard.group-id", DEFAULT_GROUP_ID),
        positive(s, "dashboard.consumers", 1), replay, limits,
        positive(s, "dashboard.stream.buffer", 20_000),
        duration(s, "dashboard.stream.keep-alive", Duration.ofSeconds(15)),
        positive(s, "dashboard.stream.max-per-user", 5),
        positive(s, "dashboard.stream.max-total", 100));
  }

  private static Duration duration(ServiceSettings s, String key, Duration fallback) {
    String text = s.string(key, null);
    if (text == null) {
      return fallback;
    }
    try {
      Duration value = Duration.parse(text.trim());
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(key + " must be positive: " + text);
      }
      return value;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is not an ISO-8601 duration: " + text, e);
    }
  }

  private static int positive(ServiceSettings s, String key, int fallback) {
    int value;
    try {
      value = s.integer(key, fallback);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number: " + s.string(key, ""), e);
    }
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be positive: " + value);
    }
    return value;
  }
}
