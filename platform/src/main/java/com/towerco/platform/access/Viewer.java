package com.towerco.platform.access;

import java.util.Objects;
import java.util.Optional;

/**
 * Who looks at the platform's data: the towerco's NOC (every tenant and the towerco's own
 * operations) or one mobile operator's user (only what {@link Visibility} lets it see). It is
 * only an identity: what it may see is decided by {@link Visibility}, nowhere else.
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
    return new Viewer(Optional.of(Objects.requireNonNull(tenantId, "tenantId")));
  }

  /** True for the NOC, which sees every tenant and the towerco's internal data. */
  public boolean seesAll() {
    return tenantId.isEmpty();
  }
}
