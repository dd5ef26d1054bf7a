package com.towerco.dashboard;

import com.towerco.dashboard.domain.ModelLimits;
import com.towerco.platform.config.Setting;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.util.List;

/**
 * The dashboard's settings ({@code dashboard.*}), declared once in {@link #ALL}: consumer group
 * and threads, how far back each family is read on start, chart windows, the live stream's
 * buffer, keep-alive and connection caps, and how much resolved history the live view keeps.
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

  private static final ModelLimits LIMITS = ModelLimits.defaults();
  public static final Setting<String> GROUP_ID = Setting.text("dashboard.group-id",
      DEFAULT_GROUP_ID, "Consumer group; give each dashboard process its own, since every "
          + "process needs the whole view.");
  public static final Setting<Integer> CONSUMERS = Setting.integer("dashboard.consumers", 1, 1,
      64, "Consumer threads.");
  public static final Setting<Duration> REPLAY_SITE_EVENTS = Setting.duration(
      "dashboard.replay.site-events", Duration.ofMinutes(30),
      "How far back (record time) site events are read on start.");
  public static final Setting<Duration> REPLAY_KPIS = Setting.duration("dashboard.replay.kpis",
      Duration.ofHours(6), "How far back KPIs are read on start.");
  public static final Setting<Duration> REPLAY_ALERTS = Setting.duration(
      "dashboard.replay.alerts", Duration.ofDays(7), "How far back alerts are read on start.");
  public static final Setting<Duration> REPLAY_INCIDENTS = Setting.duration(
      "dashboard.replay.incidents", Duration.ofDays(7),
      "How far back incidents are read on start.");
  public static final Setting<Duration> SERIES_WINDOW = Setting.duration(
      "dashboard.series.window", LIMITS.seriesWindow(), "Chart window per series.");
  public static final Setting<Integer> SERIES_POINTS = Setting.integer("dashboard.series.points",
      LIMITS.seriesPoints(), 1, 100_000, "Chart points per series.");
  public static final Setting<Integer> STREAM_BUFFER = Setting.integer("dashboard.stream.buffer",
      20_000, 1, 10_000_000, "Live updates kept for reconnecting pages.");
  public static final Setting<Duration> STREAM_KEEP_ALIVE = Setting.duration(
      "dashboard.stream.keep-alive", Duration.ofSeconds(15),
      "Comment interval on idle live streams.");
  public static final Setting<Integer> STREAMS_PER_USER = Setting.integer(
      "dashboard.stream.max-per-user", 5, 1, 10_000,
      "Live streams open at once per user (each holds a server thread).");
  public static final Setting<Integer> STREAMS_TOTAL = Setting.integer(
      "dashboard.stream.max-total", 100, 1, 100_000,
      "Live streams open at once in the process.");
  public static final Setting<Integer> ALERTS_RESOLVED_KEPT = Setting.integer(
      "dashboard.alerts.resolved-kept", LIMITS.maxResolvedAlerts(), 1, 10_000_000,
      "Resolved alerts kept in the live view.");
  public static final Setting<Integer> INCIDENTS_RESOLVED_KEPT = Setting.integer(
      "dashboard.incidents.resolved-kept", LIMITS.maxResolvedIncidents(), 1, 10_000_000,
      "Resolved incidents kept in the live view.");
  public static final List<Setting<?>> ALL = List.of(GROUP_ID, CONSUMERS, REPLAY_SITE_EVENTS,
      REPLAY_KPIS, REPLAY_ALERTS, REPLAY_INCIDENTS, SERIES_WINDOW, SERIES_POINTS, STREAM_BUFFER,
      STREAM_KEEP_ALIVE, STREAMS_PER_USER, STREAMS_TOTAL, ALERTS_RESOLVED_KEPT,
      INCIDENTS_RESOLVED_KEPT);

  /** How far back each topic family is read when the read model is rebuilt. */
  public record Replay(Duration siteEvents, Duration kpis, Duration alerts,
      Duration incidents) {}

  public static DashboardSettings from(ServiceSettings s) {
    ModelLimits d = LIMITS;
    ModelLimits limits = new ModelLimits(SERIES_WINDOW.from(s), SERIES_POINTS.from(s),
        d.maxFiringAlerts(), ALERTS_RESOLVED_KEPT.from(s), d.maxOpenIncidents(),
        INCIDENTS_RESOLVED_KEPT.from(s), d.maxTimeline(), d.kpiWindowsPerSeries(), d.maxSites(),
        d.maxAlarmsPerSite(), d.dedupHorizon());
    Replay replay = new Replay(REPLAY_SITE_EVENTS.from(s), REPLAY_KPIS.from(s),
        REPLAY_ALERTS.from(s), REPLAY_INCIDENTS.from(s));
    return new DashboardSettings(GROUP_ID.from(s), CONSUMERS.from(s), replay, limits,
        STREAM_BUFFER.from(s), STREAM_KEEP_ALIVE.from(s), STREAMS_PER_USER.from(s),
        STREAMS_TOTAL.from(s));
  }
}
