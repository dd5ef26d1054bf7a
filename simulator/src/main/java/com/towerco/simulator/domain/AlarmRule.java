package com.towerco.simulator.domain;

import com.towerco.events.payload.site.SiteAlarm.PerceivedSeverity;
import com.towerco.events.payload.site.SiteAlarm.ProbableCause;
import com.towerco.events.payload.site.SiteAlarm.X733EventType;
import java.util.function.Function;

/**
 * When one X.733 alarm of a site is on, and how it is described. The condition sees whether the
 * alarm is already raised, so thresholds can have hysteresis (raise above 40 °C, clear below
 * 37 °C) and an alarm does not flap on sensor noise.
 */
record AlarmRule(
    ProbableCause cause,
    X733EventType eventType,
    PerceivedSeverity severity,
    String managedObject,
    String tenantId,
    Condition condition,
    Function<SiteModel, String> specificProblem,
    Function<SiteModel, String> additionalText) {

  /** Whether the alarm should be raised now, given whether it is raised already. */
  @FunctionalInterface
  interface Condition {
    boolean holds(SiteModel site, boolean raised);
  }
}
