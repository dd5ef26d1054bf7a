package com.towerco.kpi.stream;

import com.towerco.platform.config.Setting;
import java.time.Duration;
import java.util.List;

/** The KPI calculator's settings ({@code kpi.*}). */
public final class KpiSettings {
  public static final Setting<Duration> WINDOW = Setting.duration("kpi.window",
      Duration.ofMinutes(1), "Length of each tumbling KPI window (event time).");
  public static final Setting<Duration> GRACE = Setting.duration("kpi.grace",
      Duration.ofSeconds(30), "How long after a window's end late readings are still counted.");
  public static final Setting<Duration> MAX_GAP = Setting.duration("kpi.max-gap",
      Duration.ofMinutes(2), "How long a reading's state holds without a newer one.");
  public static final Setting<Duration> SILENCE = Setting.duration("kpi.silence",
      Duration.ofHours(1), "Stop emitting empty windows for a site silent this long.");
  public static final Setting<Integer> INSTANCES = Setting.integer("kpi.instances", 1, 1, 64,
      "Consumer threads of the KPI calculator in this process.");
  public static final List<Setting<?>> ALL = List.of(WINDOW, GRACE, MAX_GAP, SILENCE,
      INSTANCES);

  private KpiSettings() {}
}
