package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;

/**
 * An alert inside a correlation group, whether it is still firing, and whether its condition has
 * let go while it waits out the flap hold-down ({@code quiet}).
 */
public record Member(String alertId, AlertRule rule, String siteId, AlertSeverity severity,
    List<String> tenants, Instant firedAt, boolean firing, boolean quiet) {

  static Member of(AlertFact fact) {
    return new Member(fact.alertId(), fact.rule(), fact.siteId(), fact.severity(),
        fact.affectedTenants(), fact.time(), true, fact.quiet());
  }

  Member resolved() {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, false, quiet);
  }

  Member quieted(boolean isQuiet) {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, firing, isQuiet);
  }

  /** Firing with its condition present. */
  boolean active() {
    return firing && !quiet;
  }
}
