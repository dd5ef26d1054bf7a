package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the correlator sees it: what fired or resolved, where in the topology (site, hub,
 * region, and what the site shares with others: {@link Relations}), when, and whom it affects.
 * {@code quiet}: the alert still fires but its condition has let go (it waits out the flap
 * hold-down); a problem whose alerts are all quiet does not open an incident.
 * {@code operatorSeverity}: its severity is the operator's policy for a threshold rule (raised
 * by the telemetry thresholds, not an alarm), which the problem's impact takes as it is.
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
    boolean firing,
    boolean quiet,
    Relations relations,
    boolean operatorSeverity) {

  /**
   * What the site shares with others: its grid feeder, its transmission path (the hubs from
   * the nearest up, for a hub its parents), its fuel supplier and maintenance contractor. Any
   * may be null or empty.
   */
  public record Relations(String feeder, List<String> hubPath, String fuelSupplier,
      String contractor) {
    public static final Relations NONE = new Relations(null, List.of(), null, null);

    public Relations {
      hubPath = hubPath == null ? List.of() : List.copyOf(hubPath);
    }
  }

  public AlertFact {
    affectedTenants = List.copyOf(affectedTenants);
    relations = relations == null ? Relations.NONE : relations;
  }

  /** An alert whose severity is not the operator's threshold policy. */
  public AlertFact(String alertId, String fingerprint, AlertRule rule, String siteId,
      String region, String hubSiteId, AlertSeverity severity, List<String> affectedTenants,
      Instant time, boolean firing, boolean quiet, Relations relations) {
    this(alertId, fingerprint, rule, siteId, region, hubSiteId, severity, affectedTenants, time,
        firing, quiet, relations, false);
  }

  /** An alert firing or resolved, with no relations known beyond the hub. */
  public AlertFact(String alertId, String fingerprint, AlertRule rule, String siteId,
      String region, String hubSiteId, AlertSeverity severity, List<String> affectedTenants,
      Instant time, boolean firing) {
    this(alertId, fingerprint, rule, siteId, region, hubSiteId, severity, affectedTenants, time,
        firing, false, hubSiteId == null ? Relations.NONE
            : new Relations(null, List.of(hubSiteId), null, null));
  }

  /** The transmission path of the site: the hubs it depends on, nearest first. */
  public List<String> hubPath() {
    return relations.hubPath();
  }

  public AlertFact quieted(boolean isQuiet, Instant at) {
    return new AlertFact(alertId, fingerprint, rule, siteId, region, hubSiteId, severity,
        affectedTenants, at, firing, isQuiet, relations, operatorSeverity);
  }
}
