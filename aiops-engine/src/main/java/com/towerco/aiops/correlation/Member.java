package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;

/** An alert inside a correlation group, and whether it is still firing. */
public record Member(String alertId, AlertRule rule, String siteId, AlertSeverity severity,
    List<String> tenants, Instant firedAt, boolean firing) {

  static Member of(AlertFact fact) {
    return new Member(fact.alertId(), fact.rule(), fact.siteId(), fact.severity(),
        fact.affectedTenants(), fact.time(), true);
  }

  Member resolved() {
    return new Member(alertId, rule, siteId, severity, tenants, firedAt, false);
  }
}
