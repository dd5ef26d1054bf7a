package com.towerco.dashboard.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One alert as the dashboard shows it: firing or resolved, with the tenants it affects. The
 * alert id names one firing; a resolution wins over a late or repeated firing of the same id.
 */
public record AlertView(
    String alertId,
    String fingerprint,
    String rule,
    AlertSeverity severity,
    String summary,
    String siteId,
    String region,
    String hubSiteId,
    List<String> affectedTenants,
    Map<String, String> labels,
    State state,
    Instant startsAt,
    Instant endsAt) {

  /** Firing or resolved. */
  public enum State {
    FIRING, RESOLVED;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static AlertView firing(AlertFiring a) {
    return new AlertView(a.alertId(), a.fingerprint(), a.rule(), a.severity(), a.summary(),
        a.siteId(), a.region(), a.hubSiteId(), a.affectedTenants(), a.labels(), State.FIRING,
        a.startsAt(), null);
  }

  /** The resolved alert, keeping what only the firing carried when it is known. */
  public static AlertView resolved(AlertResolved r, AlertView known) {
    return new AlertView(r.alertId(), r.fingerprint(), r.rule(), r.severity(), r.summary(),
        r.siteId(), known == null ? null : known.region(),
        known == null ? null : known.hubSiteId(), r.affectedTenants(),
        known == null ? Map.of() : known.labels(), State.RESOLVED, r.startsAt(), r.endsAt());
  }

  /** The same alert naming also the given tenants (copies of it name fewer). */
  AlertView withTenantsOf(List<String> others) {
    if (affectedTenants.containsAll(others)) {
      return this;
    }
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(affectedTenants);
    all.addAll(others);
    return new AlertView(alertId, fingerprint, rule, severity, summary, siteId, region,
        hubSiteId, List.copyOf(all), labels, state, startsAt, endsAt);
  }

  @JsonIgnore
  public boolean isFiring() {
    return state == State.FIRING;
  }

  public boolean visibleTo(Viewer viewer) {
    return Visibility.concerns(viewer, affectedTenants);
  }

  /** The alert without the names of tenants the viewer may not know about. */
  public AlertView scopedTo(Viewer viewer) {
    if (viewer.seesAll()) {
      return this;
    }
    return new AlertView(alertId, fingerprint, rule, severity, summary, siteId, region,
        hubSiteId, Visibility.tenantNames(viewer, affectedTenants), labels, state, startsAt,
        endsAt);
  }
}
