package com.towerco.dashboard.domain;

import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import java.time.Instant;

/**
 * An X.733 equipment alarm active at a site (raised and not yet cleared). An alarm naming a
 * tenant concerns that tenant's equipment; one without is the site's own.
 */
public record AlarmView(
    String alarmId,
    SiteAlarm.PerceivedSeverity perceivedSeverity,
    SiteAlarm.X733EventType eventType,
    SiteAlarm.ProbableCause probableCause,
    String specificProblem,
    String managedObject,
    String additionalText,
    String tenantId,
    Instant raisedAt) {

  public static AlarmView raised(SiteAlarm a, Instant at) {
    return new AlarmView(a.alarmId(), a.perceivedSeverity(), a.eventType(), a.probableCause(),
        a.specificProblem(), a.managedObject(), a.additionalText(), a.tenantId(), at);
  }

  public boolean visibleTo(Viewer viewer) {
    return tenantId == null || Visibility.ownedBy(viewer, tenantId);
  }
}
