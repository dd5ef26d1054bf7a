package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.Chain;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alerts of one suspected problem. A hub group gathers a hub's transmission alerts, the
 * unreachable sites behind it and the hub's own power trouble; a site group gathers one site's
 * alerts on one causal chain (a power group at a hub that then loses its transmission becomes
 * the hub's group too: one problem, one incident). It is pending until the settle time has
 * passed, then open (an incident exists), and it goes away once every member has stayed clear
 * for the hold-down time.
 */
final class Group {
  enum Kind { HUB, SITE }

  final String incidentId;
  final Kind kind;
  final String anchorSite;
  final Chain chain;
  final String region;
  final Instant createdAt;
  final Map<String, Member> members = new LinkedHashMap<>();
  boolean opened;
  Instant clearSince;
  /** The hub whose transmission this group stands for, or null. */
  String coveredHub;
  /** The top root cause last sent to the incident service ({@code site|kind}). */
  String announced;

  Group(String incidentId, Kind kind, String anchorSite, Chain chain, String region,
      Instant createdAt) {
    this.incidentId = incidentId;
    this.kind = kind;
    this.anchorSite = anchorSite;
    this.chain = chain;
    this.region = region;
    this.createdAt = createdAt;
    this.coveredHub = kind == Kind.HUB ? anchorSite : null;
  }

  String coveredHub() {
    return coveredHub;
  }

  boolean accepts(AlertFact fact) {
    if (coveredHub != null) {
      if (fact.rule() == AlertRule.TRANSMISSION_FAILURE && fact.siteId().equals(coveredHub)
          || fact.rule() == AlertRule.SITE_UNREACHABLE && coveredHub.equals(fact.hubSiteId())
          || fact.rule().chain() == Chain.POWER && fact.siteId().equals(coveredHub)) {
        return true;
      }
    }
    if (kind == Kind.SITE && fact.siteId().equals(anchorSite) && chain == Chain.POWER
        && fact.rule().chain() == Chain.THERMAL && fact.rule() != AlertRule.HVAC_FAILURE
        && hasAt(AlertRule.MAINS_FAILURE, anchorSite)) {
      return true; // the HVAC runs on mains: without it the cabinet heats up
    }
    return kind == Kind.SITE && fact.siteId().equals(anchorSite) && fact.rule().chain() == chain;
  }

  /** A power group at a hub whose transmission fails takes the hub's problem in. */
  boolean canCoverHub(String hub) {
    return kind == Kind.SITE && chain == Chain.POWER && anchorSite.equals(hub)
        && coveredHub == null && anyFiring();
  }

  boolean anyFiring() {
    return members.values().stream().anyMatch(Member::firing);
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
}
