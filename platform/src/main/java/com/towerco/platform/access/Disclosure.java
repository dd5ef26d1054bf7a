package com.towerco.platform.access;

import com.towerco.events.payload.incident.DispatchCancelled;
import com.towerco.events.payload.incident.DispatchEscalated;
import com.towerco.events.payload.incident.DispatchRequested;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentCommandRejected;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.incident.IncidentNoteAdded;
import com.towerco.events.payload.incident.SlaBreached;
import com.towerco.events.payload.incident.TechnicianAssigned;
import com.towerco.events.payload.incident.TechnicianOnSite;
import com.towerco.events.payload.incident.WorkCompleted;
import com.towerco.events.payload.incident.WorkVerified;
import java.util.function.Function;

/**
 * Who, besides the NOC, a piece of data is meant for: everyone the incident concerns, the
 * tenants with a tenancy at one site (an alert attached there, a dispatch to it), one tenant
 * (its SLA breach), or nobody ({@link #OPERATOR}: internal notes, refused commands, and any
 * event type not known to be shareable). {@link Visibility#allows} reads it.
 */
public record Disclosure(Kind kind, String subject) {
  /** The kinds of audience. */
  public enum Kind { INCIDENT, SITE, TENANT, OPERATOR }

  public static final Disclosure INCIDENT = new Disclosure(Kind.INCIDENT, null);
  public static final Disclosure OPERATOR = new Disclosure(Kind.OPERATOR, null);

  public static Disclosure site(String siteId) {
    return siteId == null || siteId.isEmpty() ? OPERATOR : new Disclosure(Kind.SITE, siteId);
  }

  public static Disclosure tenant(String tenantId) {
    return tenantId == null ? OPERATOR : new Disclosure(Kind.TENANT, tenantId);
  }

  /**
   * How far an incident lifecycle event may be shown. {@code dispatchSite} finds the site of a
   * dispatch (null when unknown: then only the NOC sees the step). Anything that is not a known
   * incident event is the NOC's.
   */
  public static Disclosure ofIncidentEvent(Object payload, Function<String, String> dispatchSite) {
    if (payload instanceof IncidentCommandRejected) {
      return OPERATOR;
    } else if (payload instanceof IncidentNoteAdded n) {
      return n.sharedWithTenants() ? INCIDENT : OPERATOR;
    } else if (payload instanceof IncidentAlertAttached a) {
      return site(a.siteId());
    } else if (payload instanceof DispatchRequested d) {
      return site(d.siteId());
    } else if (payload instanceof SlaBreached s) {
      return tenant(s.tenantId());
    } else if (payload instanceof IncidentEvent e) {
      String dispatch = dispatchOf(e);
      return dispatch == null ? INCIDENT : site(dispatchSite.apply(dispatch));
    }
    return OPERATOR;
  }

  /** The dispatch a dispatch-saga event is about, or null for any other event. */
  public static String dispatchOf(IncidentEvent event) {
    if (event instanceof DispatchRequested e) {
      return e.dispatchId();
    } else if (event instanceof TechnicianAssigned e) {
      return e.dispatchId();
    } else if (event instanceof TechnicianOnSite e) {
      return e.dispatchId();
    } else if (event instanceof WorkCompleted e) {
      return e.dispatchId();
    } else if (event instanceof WorkVerified e) {
      return e.dispatchId();
    } else if (event instanceof DispatchCancelled e) {
      return e.dispatchId();
    } else if (event instanceof DispatchEscalated e) {
      return e.dispatchId();
    }
    return null;
  }
}
