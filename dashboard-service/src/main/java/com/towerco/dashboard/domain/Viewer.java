package com.towerco.dashboard.domain;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who looks at the read model: the towerco's NOC (sees every tenant) or one mobile operator's
 * user (sees only its own tenancies and the sites that host them). Every view the model hands
 * out is cut to a viewer, so tenant scoping lives in the domain and not in each endpoint.
 */
public record Viewer(Optional<String> tenantId) {
  private static final Viewer NOC = new Viewer(Optional.empty());

  public Viewer {
    Objects.requireNonNull(tenantId, "tenantId");
  }

  public static Viewer noc() {
    return NOC;
  }

  public static Viewer tenant(String tenantId) {
    return new Viewer(Optional.of(tenantId));
  }

  public boolean seesAll() {
    return tenantId.isEmpty();
  }

  /** True if data that belongs to {@code tenant} may be shown. */
  public boolean canSee(String tenant) {
    return seesAll() || tenant != null && tenantId.get().equals(tenant);
  }

  /** True if any of the tenants is this viewer's (always true for the NOC). */
  public boolean canSeeAny(Collection<String> tenants) {
    return seesAll() || tenants.contains(tenantId.get());
  }

  /** The tenants of the list this viewer may know about. */
  public List<String> visible(List<String> tenants) {
    return seesAll() ? tenants : tenants.stream().filter(this::canSee).toList();
  }
}
