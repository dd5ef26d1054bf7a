package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.EventIds;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.AttachAlert;
import com.towerco.events.payload.incident.ClearIncident;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.OpenIncident;
import com.towerco.events.payload.incident.RankedCause;
import com.towerco.events.payload.incident.UpdateRootCause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        .or(() -> hubGroupFromPower(fact))
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
      rootCauseUpdate(group, fact).ifPresent(out::add);
    }
    return out;
  }

  /**
   * A hub's transmission fails, or sites behind it go silent, while the hub's own power is in
   * trouble: the power group becomes the hub's group, one problem.
   */
  private java.util.Optional<Group> hubGroupFromPower(AlertFact fact) {
    String hub = fact.rule() == AlertRule.TRANSMISSION_FAILURE ? fact.siteId()
        : fact.rule() == AlertRule.SITE_UNREACHABLE ? fact.hubSiteId() : null;
    if (hub == null) {
      return java.util.Optional.empty();
    }
    java.util.Optional<Group> power = groups.stream().filter(g -> g.canCoverHub(hub))
        .findFirst();
    power.ifPresent(g -> g.coveredHub = hub);
    return power;
  }

  /** After new evidence, the command that changes the announced root cause, if it changed. */
  private java.util.Optional<IncidentUpdate> rootCauseUpdate(Group group, AlertFact fact) {
    List<RankedCause> ranked = RootCauseRanker.rank(group, policy.hubMinSites());
    RankedCause top = ranked.get(0);
    String key = top.siteId() + "|" + top.kind();
    if (key.equals(group.announced)) {
      return java.util.Optional.empty();
    }
    group.announced = key;
    return java.util.Optional.of(new IncidentUpdate(group.incidentId, new UpdateRootCause(
        group.incidentId, top.headline(), ranked, "new evidence: " + fact.rule().summary()
            + " at " + fact.siteId(), fact.time()), fact.time(), group.tenants(),
        top.siteId()));
  }

  /** Opens incidents whose problem has settled and resolves those that stayed clear. */
  public List<IncidentUpdate> tick(Instant now) {
    List<IncidentUpdate> out = new ArrayList<>();
    Iterator<Group> it = groups.iterator();
    while (it.hasNext()) {
      Group group = it.next();
      if (!group.opened && group.anyFiring()
          && !now.isBefore(group.createdAt.plus(policy.settle())) && worthAnIncident(group)) {
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

  /**
   * Warnings alone (a door opened for a visit, a battery briefly discharging) stay alerts: an
   * incident is for a problem someone has to act on.
   */
  private static boolean worthAnIncident(Group group) {
    return group.members.values().stream().map(Member::severity)
        .anyMatch(s -> s != AlertSeverity.WARNING);
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
    List<RankedCause> ranked = RootCauseRanker.rank(group, policy.hubMinSites());
    IncidentOpened.RootCause cause = ranked.get(0).headline();
    group.announced = cause.siteId() + "|" + cause.kind();
    AlertSeverity severity = group.members.values().stream().map(Member::severity)
        .reduce(AlertSeverity.WARNING, AlertSeverity::max);
    List<String> alertIds = List.copyOf(group.members.keySet());
    String title = cause.kind().replace('-', ' ') + " at " + cause.siteId()
        + (group.sites().size() > 1 ? " (" + group.sites().size() + " sites)" : "");
    Map<String, String> alertSites = new TreeMap<>();
    group.members.values().forEach(m -> alertSites.put(m.alertId(), m.siteId()));
    OpenIncident open = new OpenIncident(group.incidentId, title, severity, cause,
        alertIds, List.copyOf(group.sites()), List.copyOf(group.tenants()), now, ranked,
        alertSites);
    return new IncidentUpdate(group.incidentId, open, now, group.tenants(), cause.siteId());
  }
}
