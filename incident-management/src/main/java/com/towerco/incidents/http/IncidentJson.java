package com.towerco.incidents.http;

import com.towerco.events.Envelope;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.DispatchStep;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.incident.IncidentNoteAdded;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.SlaBreached;
import com.towerco.incidents.domain.incident.Dispatch;
import com.towerco.incidents.domain.incident.Incident;
import com.towerco.incidents.domain.incident.TenantViews;
import com.towerco.incidents.view.IncidentProjection.IncidentRecord;
import com.towerco.platform.access.Disclosure;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import java.time.Instant;
import java.util.List;

/** The incident API's JSON shapes (snake_case through the platform's mapper). */
final class IncidentJson {
  private IncidentJson() {}

  /** One line of the incident list. */
  record Summary(String incidentId, int version, String status, String title,
      AlertSeverity severity, String rootCauseKind, String rootSiteId,
      List<String> affectedSites, List<String> affectedTenants, Instant openedAt,
      Instant updatedAt, String acknowledgedBy, String assignee, long activeDispatches) {}

  /** The incident with everything the NOC (or the tenant) may see of it. */
  record Detail(String incidentId, int version, String status, String title,
      AlertSeverity severity, IncidentOpened.RootCause rootCause, List<String> alertIds,
      List<String> affectedSites, List<String> affectedTenants, Instant openedAt,
      Instant updatedAt, String acknowledgedBy, Instant acknowledgedAt, String assignee,
      boolean symptomsCleared, String resolution, String resolvedBy, Instant resolvedAt,
      Instant closedAt, List<DispatchJson> dispatches, List<Note> notes,
      List<SlaBreached> slaBreaches, int events) {}

  /** A field dispatch and where its saga stands. */
  record DispatchJson(String dispatchId, String siteId, String reason, DispatchStep step,
      String technician, Instant requestedAt, Instant dueAt, int escalations) {}

  /** A note on the incident. */
  record Note(String noteId, String text, String by, boolean sharedWithTenants,
      Instant addedAt) {}

  static Summary summary(IncidentRecord r) {
    Incident s = r.state();
    return new Summary(s.incidentId(), r.version(), s.status().wireName(), s.facts().title(),
        s.facts().severity(), s.facts().rootCause().kind(), s.rootSiteId(),
        s.facts().affectedSites(), s.facts().affectedTenants(), s.facts().openedAt(),
        s.updatedAt(), s.handling().acknowledgedBy(), s.handling().assignee(),
        s.dispatches().stream().filter(Dispatch::active).count());
  }

  /**
   * True if the viewer may see this event of the incident (the policy's rule for timeline
   * steps; in a tenant's view the affected sites are the tenant's own).
   */
  static boolean shown(Viewer viewer, IncidentRecord r, Object payload) {
    Incident s = r.state();
    Disclosure disclosure = Disclosure.ofIncidentEvent(payload,
        d -> s.dispatch(d).map(Dispatch::siteId).orElse(null));
    return Visibility.allows(viewer, disclosure, s.facts().affectedSites()::contains);
  }

  /**
   * The event as the viewer may read it ({@link TenantViews#scoped}: in a tenant's view only its
   * own sites, its own name and the alerts at its sites).
   */
  static Envelope scoped(Viewer viewer, IncidentRecord r, Envelope e) {
    if (viewer.seesAll() || !(e.payload() instanceof IncidentEvent event)) {
      return e;
    }
    IncidentEvent scoped = TenantViews.scoped(viewer, r.state(), event,
        r.state().facts().affectedSites()::contains);
    return scoped == event ? e
        : Envelope.of(e.eventId(), e.tenantId(), e.siteId(), e.timestamp(), scoped, e.metadata());
  }

  static Detail detail(Viewer viewer, IncidentRecord r, List<SlaBreached> breaches) {
    Incident s = r.state();
    Incident.Handling h = s.handling();
    List<DispatchJson> dispatches = s.dispatches().stream()
        .filter(d -> Visibility.allows(viewer, Disclosure.site(d.siteId()),
            s.facts().affectedSites()::contains))
        .map(d -> new DispatchJson(
        d.dispatchId(), d.siteId(), d.reason(), d.step(), d.technician(), d.requestedAt(),
        d.dueAt(), d.escalations())).toList();
    List<Note> notes = r.timeline().stream().map(Envelope::payload)
        .filter(IncidentNoteAdded.class::isInstance).filter(n -> shown(viewer, r, n))
        .map(IncidentNoteAdded.class::cast)
        .map(n -> new Note(n.noteId(), n.text(), n.by(), n.sharedWithTenants(), n.addedAt()))
        .toList();
    return new Detail(s.incidentId(), r.version(), s.status().wireName(), s.facts().title(),
        s.facts().severity(), s.facts().rootCause(), Visibility.alerts(viewer,
            s.facts().alertIds(), s.facts()::siteOfAlert, s.facts().affectedSites()::contains),
        s.facts().affectedSites(), s.facts().affectedTenants(), s.facts().openedAt(),
        s.updatedAt(), h.acknowledgedBy(), h.acknowledgedAt(), h.assignee(),
        h.symptomsCleared(), h.resolution(), h.resolvedBy(), h.resolvedAt(), h.closedAt(),
        dispatches, notes, breaches, r.timeline().size());
  }
}
