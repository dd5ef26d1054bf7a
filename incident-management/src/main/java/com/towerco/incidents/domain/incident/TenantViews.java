package com.towerco.incidents.domain.incident;

import com.towerco.events.payload.incident.IncidentAcknowledged;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentAssigned;
import com.towerco.events.payload.incident.IncidentClosed;
import com.towerco.events.payload.incident.IncidentCommandRejected;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.incident.IncidentRootCauseChanged;
import com.towerco.platform.access.Disclosure;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What each affected tenant is told about an incident event: a copy for its own lifecycle topic
 * that names only that tenant and only the sites it has a tenancy on, so a tenant never learns
 * who else shares a site. A tenant that becomes affected part-way through first gets the
 * incident as it stands (opened, and acknowledged, assigned, resolved, closed as applicable).
 * What a tenant may see is {@link Visibility}'s decision (the same the dashboard and the APIs
 * ask): internal notes, refusals and dispatches to sites it has no tenancy on are not copied,
 * and candidate causes at other sites, and alerts (also as evidence) at other sites, are cut.
 */
public final class TenantViews {
  /** Who the catch-up events name for actions whose author the state does not keep. */
  static final String NOC = "towerco-noc";
  /**
   * The alert list of a tenant's opening when none of the alerts is known to be at its sites
   * (an opening of version 1.0, without the alerts' sites): the list may not be empty.
   */
  public static final String WITHHELD = "withheld";

  private final Function<String, Set<String>> tenantsAtSite;
  private final String operatorTenant;

  /** @param tenantsAtSite the tenants with a tenancy on a site (from the inventory) */
  public TenantViews(Function<String, Set<String>> tenantsAtSite, String operatorTenant) {
    this.tenantsAtSite = tenantsAtSite;
    this.operatorTenant = operatorTenant;
  }

  /** One event for one tenant's topic; {@code siteId} is empty when the site is not theirs. */
  public record Copy(String tenantId, String siteId, IncidentEvent event) {}

  public List<Copy> copies(Incident before, Incident after, IncidentEvent event,
      String eventSite) {
    List<Copy> copies = new ArrayList<>();
    if (after == null || event instanceof IncidentCommandRejected) {
      return copies;
    }
    for (String tenant : after.facts().affectedTenants()) {
      if (tenant.equals(operatorTenant)) {
        continue;
      }
      List<String> sites = visibleSites(after, tenant);
      if (sites.isEmpty()) {
        continue;
      }
      String site = sites.contains(eventSite) ? eventSite : "";
      boolean known = before != null && before.facts().affectedTenants().contains(tenant)
          && !visibleSites(before, tenant).isEmpty();
      if (!known) {
        catchUp(after, tenant, sites).forEach(e -> copies.add(new Copy(tenant, site, e)));
      } else {
        IncidentEvent copy = copyOf(after, event, tenant, sites);
        if (copy != null) {
          copies.add(new Copy(tenant, site, copy));
        }
      }
    }
    return copies;
  }

  /** The affected sites on which {@code tenant} has a tenancy. */
  public List<String> visibleSites(Incident incident, String tenant) {
    return incident.facts().affectedSites().stream()
        .filter(site -> tenantsAtSite.apply(site).contains(tenant)).toList();
  }

  private IncidentEvent copyOf(Incident after, IncidentEvent event, String tenant,
      List<String> sites) {
    Viewer viewer = Viewer.tenant(tenant);
    Disclosure disclosure = Disclosure.ofIncidentEvent(event,
        dispatch -> after.dispatch(dispatch).map(Dispatch::siteId).orElse(null));
    if (!Visibility.allows(viewer, disclosure, sites::contains)) {
      return null;
    }
    if (event instanceof IncidentAlertAttached e) {
      return new IncidentAlertAttached(e.incidentId(), e.alertId(), e.siteId(), e.attachedAt(),
          List.of(tenant));
    }
    return scoped(viewer, after, event, sites::contains);
  }

  /**
   * An event of an incident as {@code viewer} may read it, given the sites it sees: the
   * opening with only the sites, tenants and alerts the viewer may know of, and candidate
   * causes (opening, new ranking) cut as {@link Visibility} says, with their evidence. The
   * tenant copies are made with it, and the incident API applies it again to what it serves.
   */
  public static IncidentEvent scoped(Viewer viewer, Incident state, IncidentEvent event,
      Predicate<String> sitesSeen) {
    if (viewer.seesAll()) {
      return event;
    }
    Incident.Facts f = state.facts();
    Predicate<String> alertsSeen = alert -> Visibility.alertVisible(viewer,
        f.siteOfAlert(alert), sitesSeen);
    if (event instanceof IncidentOpened e) {
      List<String> alerts = Visibility.alerts(viewer, e.alertIds(), f::siteOfAlert, sitesSeen);
      Map<String, String> alertSites = new TreeMap<>();
      alerts.stream().filter(a -> f.siteOfAlert(a) != null)
          .forEach(a -> alertSites.put(a, f.siteOfAlert(a)));
      return new IncidentOpened(e.incidentId(), e.title(), e.severity(), e.rootCause(),
          alerts.isEmpty() ? List.of(WITHHELD) : alerts,
          e.affectedSites().stream().filter(sitesSeen).toList(),
          Visibility.tenantNames(viewer, e.affectedTenants()), e.openedAt(),
          e.rankedCauses() == null ? null : nonEmpty(Visibility.causes(viewer, e.rankedCauses(),
              e.rootCause().siteId(), sitesSeen, alertsSeen)),
          alertSites.isEmpty() ? null : alertSites);
    }
    if (event instanceof IncidentRootCauseChanged e) {
      return new IncidentRootCauseChanged(e.incidentId(), e.rootCause(),
          Visibility.causes(viewer, e.rankedCauses(), e.rootCause().siteId(), sitesSeen,
              alertsSeen), e.reason(), e.changedAt());
    }
    return event;
  }

  private static <T> List<T> nonEmpty(List<T> list) {
    return list == null || list.isEmpty() ? null : list;
  }

  private static List<IncidentEvent> catchUp(Incident s, String tenant, List<String> sites) {
    Incident.Facts f = s.facts();
    Incident.Handling h = s.handling();
    List<IncidentEvent> events = new ArrayList<>();
    events.add(scoped(Viewer.tenant(tenant), s, new IncidentOpened(s.incidentId(), f.title(),
        f.severity(), f.rootCause(), f.alertIds(), f.affectedSites(), f.affectedTenants(),
        f.openedAt(), f.rankedCauses().isEmpty() ? null : f.rankedCauses(), f.alertSites()),
        sites::contains));
    if (h.acknowledgedAt() != null) {
      events.add(new IncidentAcknowledged(s.incidentId(), h.acknowledgedBy(), null,
          h.acknowledgedAt()));
    }
    if (h.assignee() != null) {
      events.add(new IncidentAssigned(s.incidentId(), h.assignee(), NOC, s.updatedAt()));
    }
    if (h.resolvedAt() != null) {
      events.add(new IncidentResolved(s.incidentId(), h.resolvedAt(), h.resolution(),
          h.resolvedBy()));
    }
    if (h.closedAt() != null) {
      events.add(new IncidentClosed(s.incidentId(), NOC, null, h.closedAt()));
    }
    return events;
  }
}
