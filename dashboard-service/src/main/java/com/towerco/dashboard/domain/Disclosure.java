package com.towerco.dashboard.domain;

import com.towerco.events.payload.incident.DispatchRequested;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentCommandRejected;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.incident.IncidentNoteAdded;
import com.towerco.events.payload.incident.SlaBreached;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who, besides the NOC, may see one step of an incident's timeline: everyone who sees the
 * incident, the tenants with a tenancy at one site (an alert attached there, a dispatch to it),
 * one tenant (its SLA breach), or nobody (internal notes, refused commands, and any event type
 * not known to be shareable).
 */
record Disclosure(Kind kind, String subject) {
  enum Kind { INCIDENT, SITE, TENANT, OPERATOR }

  static final Disclosure INCIDENT = new Disclosure(Kind.INCIDENT, null);
  static final Disclosure OPERATOR = new Disclosure(Kind.OPERATOR, null);

  /** How far a lifecycle event may be shown; {@code dispatchSite} finds a dispatch's site. */
  static Disclosure of(Object payload, Map<String, Object> fields,
      Function<String, String> dispatchSite) {
    if (payload instanceof IncidentCommandRejected) {
      return OPERATOR;
    } else if (payload instanceof IncidentNoteAdded n) {
      return n.sharedWithTenants() ? INCIDENT : OPERATOR;
    } else if (payload instanceof IncidentAlertAttached a) {
      return site(a.siteId());
    } else if (payload instanceof DispatchRequested d) {
      return site(d.siteId());
    } else if (payload instanceof SlaBreached s) {
      return new Disclosure(Kind.TENANT, s.tenantId());
    } else if (payload instanceof IncidentEvent) {
      if (fields.get("dispatch_id") instanceof String dispatch) {
        return site(dispatchSite.apply(dispatch));
      }
      return INCIDENT;
    }
    return OPERATOR;
  }

  private static Disclosure site(String siteId) {
    return siteId == null ? OPERATOR : new Disclosure(Kind.SITE, siteId);
  }

  /** True if the viewer may see the step; {@code sites} says which affected sites it sees. */
  boolean allows(Viewer viewer, Predicate<String> sites) {
    if (viewer.seesAll()) {
      return true;
    }
    return switch (kind) {
      case INCIDENT -> true;
      case SITE -> sites.test(subject);
      case TENANT -> viewer.canSee(subject);
      case OPERATOR -> false;
    };
  }
}
