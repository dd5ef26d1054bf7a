package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the correlator sees it: what fired or resolved, where in the topology (site,
 * hub, region), when, and whom it affects.
 */
public record AlertFact(
    String alertId,
    String fingerprint,
    AlertRule rule,
    String siteId,
    String region,
    String hubSiteId,
    AlertSeverity severity,
    List<String> affectedTenants,
    Instant time,
    boolean firing) {

  public AlertFact {
    affectedTenants = List.copyOf(affectedTenants);
  }
}
