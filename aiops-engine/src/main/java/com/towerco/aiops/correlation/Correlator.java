package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.EventIds;
import com.towerco.events.payload.AlertSeverity;
import com.towerco.events.payload.AttachAlert;
import com.towerco.events.payload.ClearIncident;
import com.towerco.events.payload.IncidentOpened;
import com.towerco.events.payload.OpenIncident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Turns the alerts of one region into incidents, one per real problem, using the topology (a
 * hub and the sites behind it; the causal chains inside a site) and event time only. Alerts go
 * in with {@link #onAlert}; {@link #tick} moves time forward. Out come commands for the incident
 * service (open, attach an alert, clear). The same alerts and ticks always give the same
 * commands, so a replay reproduces them exactly.
 */
public final class Correlator {
  private final CorrelationPolicy policy;
  private final List<Group> groups = new ArrayList<>();

  public Correlator(CorrelationPolicy policy) {
    this.policy = policy;
  }

  public List<IncidentUpdate> onAlert(AlertFact fact) {
    List<IncidentUpdate> out = new ArrayList<>();
    if (!fact.firing()) {
      for (Group group : groups) {
        Member member = group.members.get(fact.alertId());
        if (member != null) {
          group.members.put(fact.alertId(), member.resolved());
          if (!group.anyFiring()) {
            group.clearSince = fact.time();
          }
        }
      }
      return out;
    }
    Group group = groups.stream().filter(g -> g.accepts(fact)).findFirst()
        .orElseGet(() -> create(fact));
    if (group.members.containsKey(fact.alertId())) {
      return out;
    }
    group.members.put(fact.alertId(), Member.of(fact));
    group.clearSince = null;
    if (group.opened) {
      out.add(new IncidentUpdate(group.incidentId, new AttachAlert(group.incidentId,
          fact.alertId(), fact.siteId(), fact.affectedTenants(), fact.time()), fact.time(),
          group.tenants(), group.anchorSite));
    }
    return out;
  }

  /** Opens incidents whose problem has settled and resolves those that stayed clear. */
  public List<IncidentUpdate> tick(Instant now) {
    List<IncidentUpdate> out = new ArrayList<>();
    Iterator<Group> it = groups.iterator();
    while (it.hasNext()) {
      Group group = it.next();
      if (!group.opened && group.anyFiring()
          && !now.isBefore(group.createdAt.plus(policy.settle()))) {
        group.opened = true;
        out.add(opened(group, now));
      }
      if (group.clearSince != null && !now.isBefore(group.clearSince.plus(policy.holdDown()))) {
        if (group.opened) {
          out.add(new IncidentUpdate(group.incidentId, new ClearIncident(group.incidentId,
              group.clearSince, "all " + group.members.size() + " alert(s) cleared"),
              now, group.tenants(), group.anchorSite));
        }
        it.remove();
      }
    }
    return out;
  }

  /** The groups being tracked, for the state store. */
  public List<GroupState> snapshot() {
    return groups.stream().map(GroupState::of).toList();
  }

  public static Correlator restore(CorrelationPolicy policy, List<GroupState> state) {
    Correlator correlator = new Correlator(policy);
    state.forEach(s -> correlator.groups.add(s.toGroup()));
    return correlator;
  }

  private Group create(AlertFact fact) {
    String incidentId = EventIds.derived("incident", fact.alertId());
    Group group;
    if (fact.rule() == AlertRule.TRANSMISSION_FAILURE) {
      group = new Group(incidentId, Group.Kind.HUB, fact.siteId(), fact.rule().chain(),
          fact.region(), fact.time());
    } else if (fact.rule() == AlertRule.SITE_UNREACHABLE && fact.hubSiteId() != null) {
      group = new Group(incidentId, Group.Kind.HUB, fact.hubSiteId(), fact.rule().chain(),
          fact.region(), fact.time());
    } else {
      group = new Group(incidentId, Group.Kind.SITE, fact.siteId(), fact.rule().chain(),
          fact.region(), fact.time());
    }
    groups.add(group);
    return group;
  }

  private IncidentUpdate opened(Group group, Instant now) {
    IncidentOpened.RootCause cause = RootCauses.of(group, policy.hubMinSites());
    AlertSeverity severity = group.members.values().stream().map(Member::severity)
        .reduce(AlertSeverity.WARNING, AlertSeverity::max);
    List<String> alertIds = List.copyOf(group.members.keySet());
    String title = cause.kind().replace('-', ' ') + " at " + cause.siteId()
        + (group.sites().size() > 1 ? " (" + group.sites().size() + " sites)" : "");
    OpenIncident open = new OpenIncident(group.incidentId, title, severity, cause,
        alertIds, List.copyOf(group.sites()), List.copyOf(group.tenants()), now);
    return new IncidentUpdate(group.incidentId, open, now, group.tenants(), cause.siteId());
  }
}
