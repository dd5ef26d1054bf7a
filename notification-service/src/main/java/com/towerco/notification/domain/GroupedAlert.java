package com.towerco.notification.domain;

import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.Map;

/**
 * One alert as a group holds it: the facts a person needs, its label set (for silences), and
 * whether it is firing or has resolved since the group's last notification.
 */
public record GroupedAlert(
    String alertId,
    String fingerprint,
    Status status,
    String rule,
    AlertSeverity severity,
    String summary,
    String siteId,
    String region,
    String hubSiteId,
    Map<String, String> labels,
    Instant startsAt,
    Instant endsAt,
    String eventId) {

  /** Firing, or resolved and not yet notified as such. */
  public enum Status { FIRING, RESOLVED }

  public GroupedAlert {
    labels = Map.copyOf(labels);
  }

  public static GroupedAlert firing(AlertFiring alert, Map<String, String> labels,
      String eventId) {
    return new GroupedAlert(alert.alertId(), alert.fingerprint(), Status.FIRING, alert.rule(),
        alert.severity(), alert.summary(), alert.siteId(), alert.region(), alert.hubSiteId(),
        labels, alert.startsAt(), null, eventId);
  }

  public GroupedAlert resolved(AlertResolved resolved, String resolvedEventId) {
    return new GroupedAlert(alertId, fingerprint, Status.RESOLVED, rule, severity, summary,
        siteId, region, hubSiteId, labels, startsAt, resolved.endsAt(), resolvedEventId);
  }

  public boolean firing() {
    return status == Status.FIRING;
  }
}
