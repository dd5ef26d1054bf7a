package com.towerco.aiops.stream;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.detection.SeriesWatch;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often the detectors alarm, per metric class, so a detector that keeps firing shows up on a
 * dashboard instead of paging forever: {@code towerco_detector_alarm_rate{class}} is the alarms
 * started per watched series per day (exponentially weighted over a day of event time) and
 * {@code towerco_detector_damped_series{class}} the series currently damped (alarming too often
 * to be believed without an extreme score). Shared by the stream threads.
 */
final class DetectorAlarms {
  private static final double DAY_MS = 86_400_000.0;
  private final Map<String, PerClass> classes = new ConcurrentHashMap<>();
  private final MeterRegistry registry;
  /** Made once: a method reference to this made per call allocates on every scored point. */
  private final java.util.function.Function<String, PerClass> register = this::register;

  DetectorAlarms(MeterRegistry registry) {
    this.registry = registry;
  }

  /** One scored point of a series of {@code rule}'s class at event time {@code time}. */
  void record(AlertRule rule, String series, SeriesWatch.Verdict verdict, long time) {
    PerClass c = classes.computeIfAbsent(rule.id(), register);
    c.record(series, verdict, time, true);
  }

  /**
   * One series of {@code rule}'s class, its class looked up once: {@code series(rule,
   * name).record(verdict, time)} is {@code record(rule, name, verdict, time)} without a lookup
   * of the class per scored point (a site's watch keeps it, ADR-039).
   */
  Series series(AlertRule rule, String series) {
    return new Series(classes.computeIfAbsent(rule.id(), register), series);
  }

  /**
   * A series with its class resolved, and whether it was damped at its last point: the class's
   * map of damped series is looked up only when that changes (or on the first point), not on
   * every scored point (ADR-059). A site's series is scored by one stream thread, through its
   * one watch.
   */
  static final class Series {
    private final PerClass perClass;
    private final String name;
    private Boolean damped;

    private Series(PerClass perClass, String name) {
      this.perClass = perClass;
      this.name = name;
    }

    void record(SeriesWatch.Verdict verdict, long time) {
      Boolean now = verdict.damped();
      perClass.record(name, verdict, time, !now.equals(damped));
      damped = now;
    }
  }

  double rate(AlertRule rule) {
    PerClass c = classes.get(rule.id());
    return c == null ? 0 : c.rate();
  }

  private PerClass register(String id) {
    PerClass c = new PerClass();
    if (registry != null) {
      Gauge.builder("towerco_detector_alarm_rate", c, PerClass::rate)
          .description("Anomaly alarms started per watched series per day, by metric class")
          .tag("class", id).register(registry);
      Gauge.builder("towerco_detector_damped_series", c, PerClass::damped)
          .description("Series whose detector alarms too often and is damped, by metric class")
          .tag("class", id).register(registry);
    }
    return c;
  }

  /** One class's decayed alarm count, its series and the damped ones. */
  private static final class PerClass {
    private final Map<String, Boolean> damped = new ConcurrentHashMap<>();
    private double alarms;
    /** Only grows; written under the lock, read without it by {@link #record}. */
    private volatile long lastTime = Long.MIN_VALUE;

    /**
     * {@code dampedMayDiffer}: false if the series' damped state is known to be recorded. A
     * point that changes nothing (no later time, no alarm started, damped state known: most
     * points of a class after the first at a time) takes no lock (ADR-069): {@code lastTime}
     * only grows, so one read at or after {@code time} stays so.
     */
    void record(String series, SeriesWatch.Verdict verdict, long time,
        boolean dampedMayDiffer) {
      if (!dampedMayDiffer && time <= lastTime && !(verdict.changed() && verdict.alarm())) {
        return;
      }
      update(series, verdict, time, dampedMayDiffer);
    }

    private synchronized void update(String series, SeriesWatch.Verdict verdict, long time,
        boolean dampedMayDiffer) {
      if (lastTime != Long.MIN_VALUE && time > lastTime) {
        alarms *= Math.exp(-(time - lastTime) / DAY_MS);
      }
      lastTime = Math.max(lastTime, time);
      if (verdict.changed() && verdict.alarm()) {
        alarms += 1;
      }
      if (dampedMayDiffer) {
        Boolean now = verdict.damped();
        if (!now.equals(damped.get(series))) { // a read, not a write, for the usual reading
          damped.put(series, now);
        }
      }
    }

    synchronized double rate() {
      return damped.isEmpty() ? 0 : alarms / damped.size();
    }

    double damped() {
      return damped.values().stream().filter(Boolean::booleanValue).count();
    }
  }
}
