package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;

/**
 * An alert inside a correlation group, whether it is still firing, whether its condition has
 * let go while it waits out the flap hold-down ({@code quiet}), and why it did not notify
 * ({@code suppressedBy}, null when it notified: evidence on the incident only).
 */
public record Member(String alertId, AlertRule rule, String siteId, AlertSeverity severity,
    List<String> tenants, Instant firedAt, boolean firing, boolean quiet, String suppressedBy) {

  static Member of(AlertFact fact, String suppressedBy) {
    return new Member(fact.alertId(), fact.rule(), fact.siteId(), fact.severity(),
        fact.affectedTenants(), fact.time(), true, fact.quiet(), suppressedBy);
  }

  Member resolved() {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, false, quiet,
        suppressedBy);
  }

  Member quieted(boolean isQuiet) {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, firing, isQuiet,
        suppressedBy);
  }

  /** True if the alert was notified (published), not only evidence. */
  boolean notified() {
    return suppressedBy == null;
  }

  /** Firing with its condition present. */
  boolean active() {
    return firing && !quiet;
  }
}
