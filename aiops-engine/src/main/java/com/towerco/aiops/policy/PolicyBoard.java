package com.towerco.aiops.policy;

import com.towerco.aiops.alerting.RulePolicies;
import com.towerco.events.payload.site.SiteRegistered;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operator's current rule policies (from {@code aiops.policy-changed} events), shared by the
 * engine's stream threads and its API: what applies to a site is the configured policies with,
 * per rule, the most specific override that matches the site (fleet, then site class, region,
 * tenant). A change is seen by the next reading of every site: no restart.
 */
public final class PolicyBoard {
  private final Map<String, RuleOverride> overrides = new ConcurrentHashMap<>();
  private final Map<String, Cached> bySite = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();

  private record Cached(long version, RulePolicies policies) {}

  public void apply(RuleOverride override) {
    overrides.put(override.key(), override);
    version.incrementAndGet();
  }

  public Collection<RuleOverride> all() {
    return List.copyOf(overrides.values());
  }

  /** True once the change with this id is applied. */
  public boolean applied(String changeId) {
    return overrides.values().stream().anyMatch(o -> o.changeId().equals(changeId));
  }

  /** The policies for a site: {@code base} with the overrides that match it. */
  public RulePolicies forSite(String siteId, SiteRegistered site, RulePolicies base) {
    if (overrides.isEmpty()) {
      return base;
    }
    long now = version.get();
    Cached cached = bySite.get(siteId);
    if (cached != null && cached.version() == now) {
      return cached.policies();
    }
    RulePolicies policies = base;
    for (var rule : base.thresholds().keySet()) {
      Optional<RuleOverride> best = overrides.values().stream()
          .filter(o -> o.rule() == rule && matches(o, site))
          .max(Comparator.comparingInt(o -> o.scope().ordinal()));
      if (best.isPresent()) {
        policies = policies.with(rule, best.get().threshold(), best.get().severity());
      }
    }
    bySite.put(siteId, new Cached(now, policies));
    return policies;
  }

  private static boolean matches(RuleOverride o, SiteRegistered site) {
    return switch (o.scope()) {
      case FLEET -> true;
      case SITE_CLASS -> site != null && o.value().equals(site.hub() ? "hub" : "site");
      case REGION -> site != null && o.value().equals(site.region());
      case TENANT -> site != null && site.tenancies() != null && site.tenancies().stream()
          .anyMatch(t -> t.tenantId().equals(o.value()));
    };
  }
}
