package com.towerco.incidents;

import com.towerco.incidents.domain.incident.DispatchSaga;
import com.towerco.incidents.domain.optimization.OptimizationAggregate;
import com.towerco.platform.config.Setting;
import java.time.Duration;
import java.util.List;

/** Incident management's settings ({@code incidents.*}). */
public final class IncidentSettings {
  public static final Setting<Integer> INSTANCES = Setting.integer("incidents.instances", 1, 1,
      64, "Command consumers in this process.");
  public static final Setting<Duration> COMMAND_TIMEOUT = Setting.duration(
      "incidents.command-timeout", Duration.ofSeconds(5),
      "How long an HTTP command waits for its outcome.");
  public static final Setting<Duration> ASSIGN_WITHIN = Setting.duration(
      "incidents.assign-within", DispatchSaga.ASSIGN_WITHIN,
      "A dispatch must have a technician within this, or it escalates.");
  public static final Setting<Duration> ARRIVE_WITHIN = Setting.duration(
      "incidents.arrive-within", DispatchSaga.ARRIVE_WITHIN,
      "The technician must be on site within this after assignment.");
  public static final Setting<Duration> WORK_WITHIN = Setting.duration("incidents.work-within",
      DispatchSaga.WORK_WITHIN, "The work must be done within this after arrival.");
  public static final Setting<Duration> VERIFY_WITHIN = Setting.duration(
      "incidents.verify-within", DispatchSaga.VERIFY_WITHIN,
      "The work must be verified within this after it is done.");
  public static final Setting<Duration> OPTIMIZATION_VERIFY_OVER = Setting.duration(
      "incidents.optimization-verify-over", OptimizationAggregate.VERIFY_OVER,
      "How long an applied energy optimization is measured before it is judged.");
  public static final Setting<Duration> KPI_REPLAY = Setting.duration("incidents.kpi-replay",
      null, "How far back KPI windows are read on start, for the SLA clocks and energy days.")
      .withDefaultText("from the beginning");
  public static final Setting<Duration> TELEMETRY_REPLAY = Setting.duration(
      "incidents.telemetry-replay", Duration.ofHours(48),
      "How far back telemetry is read on start.");
  public static final Setting<Duration> TIMER_INTERVAL = Setting.duration(
      "incidents.timer-interval", Duration.ofSeconds(1),
      "How often the saga scheduler looks for due timers.");
  public static final Setting<Boolean> SNAPSHOTS = Setting.bool("incidents.snapshots", true,
      "Save the lifecycle read models (incidents, optimizations, refuels) with their offsets in "
          + "the data directory and restore them on start, reading only what came after "
          + "(ADR-023); needs a data directory.");
  public static final Setting<Duration> SNAPSHOT_INTERVAL = Setting.duration(
      "incidents.snapshot-interval", Duration.ofMinutes(5),
      "At most this often a snapshot of the read models is written (also on a clean stop).");
  public static final Setting<Long> SNAPSHOT_MIN_EVENTS = Setting.longValue(
      "incidents.snapshot-min-events", 10_000, 1, Long.MAX_VALUE,
      "Lifecycle events applied since the last snapshot before the next is written.");
  public static final List<Setting<?>> ALL = List.of(INSTANCES, COMMAND_TIMEOUT, ASSIGN_WITHIN,
      ARRIVE_WITHIN, WORK_WITHIN, VERIFY_WITHIN, OPTIMIZATION_VERIFY_OVER, KPI_REPLAY,
      TELEMETRY_REPLAY, TIMER_INTERVAL, SNAPSHOTS, SNAPSHOT_INTERVAL, SNAPSHOT_MIN_EVENTS);

  private IncidentSettings() {}
}
