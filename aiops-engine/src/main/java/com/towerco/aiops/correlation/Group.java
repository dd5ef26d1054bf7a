package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.Chain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alerts of one suspected problem. A hub group gathers a hub's transmission alerts, the
 * unreachable sites behind it (and behind the hubs below it) and the hub's own power trouble; a
 * site group gathers one site's alerts on one causal chain, and grows to other sites that share
 * its cause: mains lost on the same grid feeder (or region) within minutes, fuel stolen at
 * sites of the same supplier, unscheduled visits by the same contractor, or an alert that is
 * similar enough in topology, time and type (a proposed common cause, with its evidence). It is
 * pending until the settle time has passed, then open (an incident exists), and it goes away
 * once every member has stayed clear for the hold-down time.
 */
final class Group {
  enum Kind { HUB, SITE }

  final String incidentId;
  final Kind kind;
  final String anchorSite;
  /** The causal chain; a group of signal alerts only takes the chain of the rule that joins. */
  Chain chain;
  final String region;
  final Instant createdAt;
  final AlertFact.Relations anchorRelations;
  final Map<String, Member> members = new LinkedHashMap<>();
  boolean opened;
  Instant clearSince;
  /** The hub whose transmission this group stands for, or null. */
  String coveredHub;
  /** The hubs upstream of {@link #coveredHub}, nearest first. */
  List<String> coveredPath = List.of();
  /**
   * The highest severity the problem's alerts were published at (its impact then), or null
   * while nothing was ({@link ProblemNotices}).
   */
  com.towerco.events.payload.alert.AlertSeverity notifiedSeverity;
  /** The top root cause, severity and title last sent to the incident service. */
  String announced;
  /** What the sites of a multi-site group share ("grid feeder F1"), or null. */
  String sharedBy;
  /** Why alerts of other sites were proposed into this group (data-driven grouping). */
  final List<String> proposals = new ArrayList<>();
  /**
   * Its creation order in its region: the first group that accepts an alert takes it, so a
   * restored region must keep the order ({@link Correlator#restore}).
   */
  long sequence;

  Group(String incidentId, Kind kind, String anchorSite, Chain chain, String region,
      Instant createdAt, AlertFact.Relations anchorRelations) {
    this.incidentId = incidentId;
    this.kind = kind;
    this.anchorSite = anchorSite;
    this.chain = chain;
    this.region = region;
    this.createdAt = createdAt;
    this.anchorRelations = anchorRelations == null ? AlertFact.Relations.NONE : anchorRelations;
    this.coveredHub = kind == Kind.HUB ? anchorSite : null;
  }

  String coveredHub() {
    return coveredHub;
  }

  boolean accepts(AlertFact fact, CorrelationPolicy policy) {
    return accepts(fact, policy, true);
  }

  /**
   * @param shared whether the alert may join for a cause shared with other sites (not when its
   *     site has just come back from being unreachable: what it reports then began at some
   *     unknown time while it was silent, so its timing says nothing about a shared cause)
   */
  boolean accepts(AlertFact fact, CorrelationPolicy policy, boolean shared) {
    if (coveredHub != null && acceptsForHub(fact)) {
      return true;
    }
    if (SameSignal.watcherOf(fact, this).isPresent()) {
      return true; // an anomaly or sensor fault of a signal a rule's alert here watches
    }
    if (kind != Kind.SITE) {
      return false;
    }
    if (SameSignal.watchesAMemberOf(fact, this)) {
      // the rule's alert of a signal whose anomaly came first: until now the group was only
      // symptoms; it is now the rule's problem, ranked on its chain
      if (members.values().stream().allMatch(m -> SameSignal.aboutASignal(m.rule()))) {
        chain = fact.rule().chain();
      }
      return true;
    }
    boolean here = hasSite(fact.siteId());
    if (here && chain == Chain.POWER && fact.rule().chain() == Chain.THERMAL
        && fact.rule() != AlertRule.HVAC_FAILURE && hasAt(AlertRule.MAINS_FAILURE, fact.siteId())) {
      return true; // the HVAC runs on mains: without it the cabinet heats up
    }
    if (fact.rule().chain() != chain) {
      return false;
    }
    return here || shared && sharedCause(fact, policy) != null;
  }

  /**
   * What this group and the alert of another site share, if that makes them one problem: the
   * same grid feeder (or, with no feeder known, region) losing mains, the same fuel supplier
   * robbed, the same contractor visiting unscheduled, each within its window of the first.
   */
  String sharedCause(AlertFact fact, CorrelationPolicy policy) {
    AlertFact.Relations mine = anchorRelations;
    AlertFact.Relations theirs = fact.relations();
    if (fact.rule() == AlertRule.MAINS_FAILURE && has(AlertRule.MAINS_FAILURE)) {
      if (mine.feeder() != null && mine.feeder().equals(theirs.feeder())
          && within(AlertRule.MAINS_FAILURE, fact.time(), policy.feederWindow())) {
        return "grid feeder " + mine.feeder();
      }
      if (mine.feeder() == null && theirs.feeder() == null && region.equals(fact.region())
          && within(AlertRule.MAINS_FAILURE, fact.time(), policy.regionWindow())) {
        return "region " + region;
      }
    }
    if (fact.rule() == AlertRule.FUEL_THEFT && mine.fuelSupplier() != null
        && mine.fuelSupplier().equals(theirs.fuelSupplier())
        && within(AlertRule.FUEL_THEFT, fact.time(), policy.supplierWindow())
        && afterLatest(AlertRule.FUEL_THEFT, fact.time(), policy.supplierMinGap())) {
      return "fuel supplier " + mine.fuelSupplier();
    }
    if (fact.rule() == AlertRule.UNSCHEDULED_DOOR_OPEN && mine.contractor() != null
        && mine.contractor().equals(theirs.contractor())
        && within(AlertRule.UNSCHEDULED_DOOR_OPEN, fact.time(), policy.supplierWindow())) {
      return "maintenance contractor " + mine.contractor();
    }
    return null;
  }

  /** True if {@code time} is at least {@code gap} after the latest alert of {@code rule}. */
  private boolean afterLatest(AlertRule rule, Instant time, Duration gap) {
    return members.values().stream().filter(m -> m.rule() == rule)
        .map(Member::firedAt).max(Instant::compareTo)
        .map(latest -> !time.isBefore(latest.plus(gap))).orElse(true);
  }

  /**
   * True if {@code time} is within {@code window} of the group's first alert of {@code rule},
   * before or after it: an alert that arrives late (another instance's, replayed) may be the
   * earlier one.
   */
  private boolean within(AlertRule rule, Instant time, Duration window) {
    return members.values().stream().filter(m -> m.rule() == rule)
        .map(Member::firedAt).min(Instant::compareTo)
        .map(first -> !time.isAfter(first.plus(window)) && !time.isBefore(first.minus(window)))
        .orElse(false);
  }

  /**
   * A transmission failure at the covered hub or a hub below it, a site behind either going
   * silent, the covered hub's own power trouble; and from upstream: a failure at a hub above
   * the covered one, or a site behind it going silent, moves the group up to that hub (the
   * problem is higher on the path than first seen).
   */
  private boolean acceptsForHub(AlertFact fact) {
    if (fact.rule() == AlertRule.TRANSMISSION_FAILURE) {
      if (fact.siteId().equals(coveredHub) || fact.hubPath().contains(coveredHub)) {
        return true;
      }
      if (coveredPath.contains(fact.siteId())) {
        moveUpTo(fact.siteId(), fact.hubPath());
        return true;
      }
    }
    if (fact.rule() == AlertRule.SITE_UNREACHABLE) {
      if (fact.siteId().equals(coveredHub) || fact.hubPath().contains(coveredHub)) {
        return true;
      }
      String nearest = fact.hubPath().isEmpty() ? null : fact.hubPath().get(0);
      if (nearest != null && coveredPath.contains(nearest) && kind == Kind.HUB) {
        moveUpTo(nearest, fact.hubPath().subList(1, fact.hubPath().size()));
        return true;
      }
    }
    return fact.rule().chain() == Chain.POWER && fact.siteId().equals(coveredHub);
  }

  private void moveUpTo(String hub, List<String> path) {
    coveredHub = hub;
    coveredPath = List.copyOf(path);
  }

  /** A power group at a hub whose transmission fails takes the hub's problem in. */
  boolean canCoverHub(String hub) {
    return kind == Kind.SITE && chain == Chain.POWER && anchorSite.equals(hub)
        && coveredHub == null && anyFiring();
  }

  boolean hasSite(String site) {
    return anchorSite.equals(site)
        || members.values().stream().anyMatch(m -> m.siteId().equals(site));
  }

  boolean anyFiring() {
    return members.values().stream().anyMatch(Member::firing);
  }

  /** Some member fires with its condition present (not merely waiting out its hold-down). */
  boolean anyActive() {
    return members.values().stream().anyMatch(Member::active);
  }

  /**
   * The earliest event time in {@code [from, until]} at which some member held its condition,
   * whatever order the members' raises and clears arrived in.
   */
  java.util.Optional<Instant> activeBetween(Instant from, Instant until) {
    return members.values().stream().map(m -> m.activeBetween(from, until))
        .flatMap(java.util.Optional::stream).min(Instant::compareTo);
  }

  /**
   * True if the group had stayed clear for {@code holdDown} by event time {@code time}: it was
   * over then, so an alert of that time starts a problem of its own even if the tick that
   * removes the group has not come yet.
   */
  boolean overBy(Instant time, Duration holdDown) {
    return clearSince != null && !time.isBefore(clearSince.plus(holdDown));
  }

  /** When the last of its members resolved (event time), or {@code fallback}. */
  Instant lastResolved(Instant fallback) {
    return members.values().stream().map(Member::resolvedAt).filter(Objects::nonNull)
        .max(Instant::compareTo).orElse(fallback);
  }

  Set<String> sites() {
    Set<String> sites = new TreeSet<>();
    members.values().forEach(m -> sites.add(m.siteId()));
    sites.add(anchorSite);
    return sites;
  }

  Set<String> tenants() {
    Set<String> tenants = new TreeSet<>();
    members.values().forEach(m -> tenants.addAll(m.tenants()));
    return tenants;
  }

  boolean has(AlertRule rule) {
    return members.values().stream().anyMatch(m -> m.rule() == rule);
  }

  boolean hasAt(AlertRule rule, String site) {
    return members.values().stream().anyMatch(m -> m.rule() == rule && m.siteId().equals(site));
  }

  /** When the first alert of {@code rule} at {@code site} fired. */
  java.util.Optional<Instant> firstAt(AlertRule rule, String site) {
    return members.values().stream().filter(m -> m.rule() == rule && m.siteId().equals(site))
        .map(Member::firedAt).min(Instant::compareTo);
  }

  Set<String> sitesWith(AlertRule rule) {
    Set<String> sites = new TreeSet<>();
    members.values().stream().filter(m -> m.rule() == rule).forEach(m -> sites.add(m.siteId()));
    return sites;
  }

  long unreachableSites() {
    return sitesWith(AlertRule.SITE_UNREACHABLE).size();
  }

  boolean sameKey(String key) {
    return Objects.equals(announced, key);
  }
}
