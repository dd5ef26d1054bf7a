package com.towerco.aiops.correlation;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.Chain;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alerts of one suspected problem. A hub group gathers a hub's transmission alerts and the
 * unreachable sites behind it; a site group gathers one site's alerts on one causal chain. It is
 * pending until the settle time has passed, then open (an incident exists), and it goes away
 * once every member has stayed clear for the hold-down time.
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

  Group(String incidentId, Kind kind, String anchorSite, Chain chain, String region,
      Instant createdAt) {
    this.incidentId = incidentId;
    this.kind = kind;
    this.anchorSite = anchorSite;
    this.chain = chain;
    this.region = region;
    this.createdAt = createdAt;
  }

  boolean accepts(AlertFact fact) {
    if (kind == Kind.HUB) {
      return fact.rule() == AlertRule.TRANSMISSION_FAILURE && fact.siteId().equals(anchorSite)
          || fact.rule() == AlertRule.SITE_UNREACHABLE && anchorSite.equals(fact.hubSiteId());
    }
    return fact.siteId().equals(anchorSite) && fact.rule().chain() == chain;
  }

  boolean anyFiring() {
    return members.values().stream().anyMatch(Member::firing);
  }

  Set<String> sites() {
    Set<String> sites = new TreeSet<>();
    members.values().forEach(m -> sites.add(m.siteId()));
    if (kind == Kind.HUB) {
      sites.add(anchorSite);
    }
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

  long unreachableSites() {
    return members.values().stream().filter(m -> m.rule() == AlertRule.SITE_UNREACHABLE)
        .map(Member::siteId).distinct().count();
  }
}
