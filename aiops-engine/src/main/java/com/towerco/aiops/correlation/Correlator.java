package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.NotificationPolicy;
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
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns the alerts of one region into incidents, one per real problem, using the topology (hub
 * chains and the sites behind them; grid feeders, fuel suppliers and contractors the sites share;
 * the causal chains inside a site), similarity for causes nobody modelled, and event time only.
 * Alerts go in with {@link #onAlert}; {@link #tick} moves time forward. Out come commands for
 * the incident service (open, attach an alert, update root cause, title and severity, clear).
 * The same alerts and ticks always give the same commands, so a replay reproduces them exactly.
 */
public final class Correlator {
  private final CorrelationPolicy policy;
  private final NotificationPolicy notification;
  private final List<Group> groups = new ArrayList<>();
  private final ProblemNotices notices;
  /** What changed since the state store last took it ({@link #changes}). */
  private final GroupChanges.Recorder changes = new GroupChanges.Recorder();
  /** The creation order of the next group ({@link Group#sequence}). */
  private long nextSequence;

  /** With the default notification policy. */
  public Correlator(CorrelationPolicy policy) {
    this(policy, NotificationPolicy.defaults());
  }

  public Correlator(CorrelationPolicy policy, NotificationPolicy notification) {
    this.policy = policy;
    this.notification = notification;
    this.notices = new ProblemNotices(notification, policy.settle(), policy.hubMinSites());
  }

  /**
   * Why the alert did not notify (it is evidence on its problem only), or empty when it notified
   * or is not tracked.
   */
  public Optional<String> suppression(String alertId) {
    return member(alertId).map(Member::suppressedBy);
  }

  public List<IncidentUpdate> onAlert(AlertFact fact) {
    return onAlert(fact, null);
  }

  /**
   * @param inhibitedBy for a new alert that an alert at its own site already kept from notifying
   *     (site inhibition), the inhibiting rule; null otherwise
   */
  public List<IncidentUpdate> onAlert(AlertFact fact, String inhibitedBy) {
    List<IncidentUpdate> out = new ArrayList<>();
    if (!fact.firing()) {
      for (Group group : groups) {
        Member member = group.members.get(fact.alertId());
        if (member != null) {
          group.members.put(fact.alertId(), member.resolved(fact.time()));
          if (!group.anyFiring()) {
            group.clearSince = group.lastResolved(fact.time());
          }
          changes.changed(group);
        }
      }
      return out;
    }
    for (Group group : groups) {
      Member member = group.members.get(fact.alertId());
      if (member != null) {
        // Already a member: its condition went quiet or came back; nothing else changes.
        Member quieted = member.quieted(fact.quiet(), fact.time());
        if (quieted != member) {
          group.members.put(fact.alertId(), quieted);
          changes.changed(group);
        }
        return out;
      }
    }
    if (fact.quiet()) {
      return out;
    }
    boolean timely = !recentlySilent(fact.siteId());
    // Groups that were over by the alert's event time take nothing new, whether or not the
    // tick that removes them has come (it may wait for a slower source of alerts).
    List<Group> live = groups.stream()
        .filter(g -> !g.overBy(fact.time(), policy.holdDown())).toList();
    Group group = live.stream().filter(g -> g.accepts(fact, policy, timely)).findFirst()
        .or(() -> hubGroupFromPower(fact, live))
        .or(() -> proposed(fact, live))
        .orElseGet(() -> create(fact));
    if (timely && group.sharedBy == null && !group.hasSite(fact.siteId())) {
      group.sharedBy = group.sharedCause(fact, policy);
    }
    Member member = Member.of(fact, inhibitedBy != null ? inhibitedBy
        : NotificationGate.suppressor(fact, group, notification).orElse(null));
    group.members.put(fact.alertId(), member);
    group.clearSince = null;
    // the one group an alert changes: the chosen group is the only one accepts(),
    // hubGroupFromPower() and proposed() modify
    changes.changed(group);
    notices.joined(group, member);
    if (group.opened) {
      out.add(new IncidentUpdate(group.incidentId, new AttachAlert(group.incidentId,
          fact.alertId(), fact.siteId(), fact.affectedTenants(), fact.time()), fact.time(),
          group.tenants(), group.anchorSite));
      rootCauseUpdate(group, fact).ifPresent(out::add);
    }
    return out;
  }

  /**
   * True if the site was unreachable lately (its unreachable alert is still tracked): what it
   * reports on coming back may have begun at any time while it was silent.
   */
  private boolean recentlySilent(String site) {
    return groups.stream().anyMatch(g -> g.hasAt(AlertRule.SITE_UNREACHABLE, site));
  }

  /**
   * A hub's transmission fails, or sites behind it go silent, while the hub's own power is in
   * trouble: the power group becomes the hub's group, one problem.
   */
  private Optional<Group> hubGroupFromPower(AlertFact fact, List<Group> live) {
    String hub = fact.rule() == AlertRule.TRANSMISSION_FAILURE ? fact.siteId()
        : fact.rule() == AlertRule.SITE_UNREACHABLE ? fact.hubSiteId() : null;
    if (hub == null) {
      return Optional.empty();
    }
    Optional<Group> power = live.stream().filter(g -> g.canCoverHub(hub)).findFirst();
    power.ifPresent(g -> {
      g.coveredHub = hub;
      g.coveredPath = fact.rule() == AlertRule.TRANSMISSION_FAILURE ? fact.hubPath()
          : fact.hubPath().subList(Math.min(1, fact.hubPath().size()), fact.hubPath().size());
    });
    return power;
  }

  /** An alert no rule groups, similar enough to another site's pending problem. */
  private Optional<Group> proposed(AlertFact fact, List<Group> live) {
    if (fact.rule() == AlertRule.TRANSMISSION_FAILURE
        || fact.rule() == AlertRule.SITE_UNREACHABLE || fact.rule() == AlertRule.MAINS_FAILURE) {
      return Optional.empty(); // the hub paths and the grid feeders (or regions) decide these
    }
    if (recentlySilent(fact.siteId())) {
      return Optional.empty();
    }
    return Similarity.propose(fact, live, policy).map(p -> {
      p.group().proposals.add(p.evidence());
      if (p.group().sharedBy == null) {
        p.group().sharedBy = "a proposed common cause";
      }
      return p.group();
    });
  }

  /**
   * After new evidence, the command that changes the announced root cause, title or severity,
   * if any of them changed.
   */
  private Optional<IncidentUpdate> rootCauseUpdate(Group group, AlertFact fact) {
    List<RankedCause> ranked = RootCauseRanker.rank(group, policy.hubMinSites());
    RankedCause top = ranked.get(0);
    AlertSeverity severity = Impact.of(group, policy.hubMinSites());
    String title = title(group, top.headline());
    String key = top.siteId() + "|" + top.kind() + "|" + severity + "|" + title;
    if (group.sameKey(key)) {
      return Optional.empty();
    }
    group.announced = key;
    return Optional.of(new IncidentUpdate(group.incidentId, new UpdateRootCause(
        group.incidentId, top.headline(), ranked, "new evidence: " + fact.rule().summary()
            + " at " + fact.siteId(), fact.time(), title, severity), fact.time(),
        group.tenants(), top.siteId()));
  }

  /** The alert as a member of its problem, if it is tracked. */
  public Optional<Member> member(String alertId) {
    for (Group group : groups) {
      Member m = group.members.get(alertId);
      if (m != null) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * What was decided about held alerts' notifications since the last call
   * ({@link ProblemNotices}): publish at the problem's severity, or discard.
   */
  public List<Release> releases() {
    return notices.drain();
  }

  /**
   * Opens incidents whose problem has settled, publishes the alerts held for them, and resolves
   * those that stayed clear.
   */
  public List<IncidentUpdate> tick(Instant now) {
    List<IncidentUpdate> out = new ArrayList<>();
    Iterator<Group> it = groups.iterator();
    while (it.hasNext()) {
      Group group = it.next();
      Instant due = group.createdAt.plus(policy.settle());
      if (!group.opened && !now.isBefore(due) && worthAnIncident(group)) {
        // Opened at the first event time from the settle time on at which one of its alerts
        // held its condition: the same whether its raise and clear arrived before this tick or
        // on either side of it (inputs from several engine instances interleave).
        Optional<Instant> at = group.activeBetween(due, now);
        if (at.isPresent()) {
          group.opened = true;
          out.add(opened(group, at.get()));
          changes.changed(group);
        }
      }
      if (notices.settled(group, now)) {
        changes.changed(group);
      }
      if (group.clearSince != null && !now.isBefore(group.clearSince.plus(policy.holdDown()))) {
        if (group.opened) {
          out.add(new IncidentUpdate(group.incidentId, new ClearIncident(group.incidentId,
              group.clearSince, "all " + group.members.size() + " alert(s) cleared"),
              group.clearSince.plus(policy.holdDown()), group.tenants(), group.anchorSite));
        }
        notices.over(group, group.clearSince.plus(policy.holdDown()));
        it.remove();
        changes.removed(group);
      }
    }
    return out;
  }

  /**
   * An incident is for a problem someone has to act on: its impact is above a warning (a door
   * opened for a visit, a sensor glitch, anomalies alone stay alerts), some alert of it still
   * holds its condition after the settle time (a blip that cleared pages nobody), and not all of
   * its alerts were raised within a maintenance window (planned work).
   */
  private boolean worthAnIncident(Group group) {
    boolean planned = group.members.values().stream()
        .allMatch(m -> m.suppressedBy() != null && m.suppressedBy().startsWith(MAINTENANCE));
    return !planned && Impact.of(group, policy.hubMinSites()) != AlertSeverity.WARNING;
  }

  /**
   * How an alert raised within a maintenance window says why it did not notify
   * ({@code maintenance:<window>}); a problem made only of such alerts opens no incident.
   */
  public static final String MAINTENANCE = "maintenance:";

  /** The groups being tracked, for the state store, in the order they were created. */
  public List<GroupState> snapshot() {
    return groups.stream().map(GroupState::of).toList();
  }

  /**
   * The groups created or changed and the groups dropped since the last call, each as it is
   * now: a state store that keeps one entry per group writes only these (a region's storm
   * does not re-write all of its groups for every alert).
   */
  public GroupChanges changes() {
    return changes.drain();
  }

  /**
   * From now on, keeps what changes for {@link #changes} (a state store that writes only the
   * changed groups takes them after every input; nobody else needs them).
   */
  public Correlator recordingChanges() {
    changes.start();
    return this;
  }

  public static Correlator restore(CorrelationPolicy policy, List<GroupState> state) {
    return restore(policy, NotificationPolicy.defaults(), state);
  }

  public static Correlator restore(CorrelationPolicy policy, NotificationPolicy notification,
      List<GroupState> state) {
    Correlator correlator = new Correlator(policy, notification);
    for (GroupState s : state) {
      // state stored before groups kept their creation order is in that order
      Group group = s.toGroup(s.sequence() != null ? s.sequence() : correlator.nextSequence);
      correlator.nextSequence = Math.max(correlator.nextSequence, group.sequence + 1);
      correlator.groups.add(group);
    }
    // the first group that accepts an alert takes it: the order is the creation order
    correlator.groups.sort(java.util.Comparator.comparingLong(g -> g.sequence));
    return correlator;
  }

  private Group create(AlertFact fact) {
    String incidentId = EventIds.derived("incident", fact.alertId());
    Group group;
    if (fact.rule() == AlertRule.TRANSMISSION_FAILURE) {
      group = new Group(incidentId, Group.Kind.HUB, fact.siteId(), fact.rule().chain(),
          fact.region(), fact.time(), fact.relations());
      group.coveredPath = fact.hubPath();
    } else if (fact.rule() == AlertRule.SITE_UNREACHABLE && fact.hubSiteId() != null) {
      group = new Group(incidentId, Group.Kind.HUB, fact.hubSiteId(), fact.rule().chain(),
          fact.region(), fact.time(), fact.relations());
      group.coveredPath = fact.hubPath().subList(Math.min(1, fact.hubPath().size()),
          fact.hubPath().size());
    } else {
      group = new Group(incidentId, Group.Kind.SITE, fact.siteId(), fact.rule().chain(),
          fact.region(), fact.time(), fact.relations());
    }
    group.sequence = nextSequence++;
    groups.add(group);
    return group;
  }

  private IncidentUpdate opened(Group group, Instant now) {
    List<RankedCause> ranked = RootCauseRanker.rank(group, policy.hubMinSites());
    IncidentOpened.RootCause cause = ranked.get(0).headline();
    AlertSeverity severity = Impact.of(group, policy.hubMinSites());
    String title = title(group, cause);
    group.announced = cause.siteId() + "|" + cause.kind() + "|" + severity + "|" + title;
    List<String> alertIds = List.copyOf(group.members.keySet());
    Map<String, String> alertSites = new TreeMap<>();
    group.members.values().forEach(m -> alertSites.put(m.alertId(), m.siteId()));
    OpenIncident open = new OpenIncident(group.incidentId, title, severity, cause,
        alertIds, List.copyOf(group.sites()), List.copyOf(group.tenants()), now, ranked,
        alertSites);
    return new IncidentUpdate(group.incidentId, open, now, group.tenants(), cause.siteId());
  }

  /** The incident's title: its current root cause, where, and how far it reaches. */
  static String title(Group group, IncidentOpened.RootCause cause) {
    int sites = group.sites().size();
    String reach = sites > 1 ? " (" + sites + " sites"
        + (group.sharedBy != null ? ", " + group.sharedBy : "") + ")" : "";
    return cause.kind().replace('-', ' ') + " at " + cause.siteId() + reach;
  }
}
