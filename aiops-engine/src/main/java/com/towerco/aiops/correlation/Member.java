package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;

/**
 * An alert inside a correlation group, whether it is still firing, whether its condition has
 * let go while it waits out the flap hold-down ({@code quiet}), and why it did not notify
 * ({@code suppressedBy}, null when it notified: evidence on the incident only); {@code subject}
 * is what its fingerprint names after the site (a metric, a KPI, a tenant; "" for none, null in
 * state stored before it was kept).
 */
public record Member(String alertId, AlertRule rule, String siteId, AlertSeverity severity,
    List<String> tenants, Instant firedAt, boolean firing, boolean quiet, String suppressedBy,
    String subject) {

  static Member of(AlertFact fact, String suppressedBy) {
    return new Member(fact.alertId(), fact.rule(), fact.siteId(), fact.severity(),
        fact.affectedTenants(), fact.time(), true, fact.quiet(), suppressedBy,
        SameSignal.subjectOf(fact.fingerprint()));
  }

  Member resolved() {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, false, quiet,
        suppressedBy, subject);
  }

  Member quieted(boolean isQuiet) {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, firing, isQuiet,
        suppressedBy, subject);
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
