package com.towerco.aiops.visits;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.payload.incident.DispatchRequested;
import com.towerco.events.payload.site.SiteMaintenanceWindow;
import com.towerco.events.payload.site.SiteVisitScheduled;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The site events that tell the engine a visit or a maintenance window is planned, published on
 * the site's own topic so the engine reads them in order with the site's alarms (a replay gives
 * the same result): a dispatch of the incident saga is a scheduled visit (a dispatched
 * technician's door opening is expected), and the NOC's visits and maintenance windows.
 */
public final class SiteVisits {
  private static final Map<String, String> METADATA = Map.of("producer", "aiops-engine");

  private SiteVisits() {}

  /**
   * The visit a dispatch request stands for: from the request for {@code length} (a technician
   * is assigned, travels and works within it); empty for any other lifecycle event.
   */
  public static Optional<Envelope> fromDispatch(Envelope lifecycle, String operator,
      Duration length) {
    if (!(lifecycle.payload() instanceof DispatchRequested d)) {
      return Optional.empty();
    }
    return Optional.of(visit(operator, d.siteId(), "dispatch-" + d.dispatchId(),
        d.requestedAt(), d.requestedAt().plus(length), "dispatch " + d.dispatchId()
            + " for incident " + d.incidentId()));
  }

  /** A visit the NOC scheduled. */
  public static Envelope visit(String operator, String siteId, String visitId, Instant from,
      Instant until, String purpose) {
    return Envelope.of(EventIds.derived("site.visit-scheduled", siteId, visitId,
            from.toString(), until.toString()), operator, siteId, from,
        new SiteVisitScheduled(visitId, from, until, purpose), METADATA);
  }

  /** A maintenance window the NOC declared at one site. */
  public static Envelope maintenance(String operator, String siteId, String windowId,
      Instant from, Instant until, String reason, String declaredBy) {
    return Envelope.of(EventIds.derived("site.maintenance-window", siteId, windowId,
            from.toString(), until.toString()), operator, siteId, from,
        new SiteMaintenanceWindow(windowId, from, until, reason, declaredBy), METADATA);
  }
}
