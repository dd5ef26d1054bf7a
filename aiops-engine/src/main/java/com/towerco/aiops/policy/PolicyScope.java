package com.towerco.aiops.policy;

/**
 * Whom an operator's rule policy applies to, from the least to the most specific: the fleet, a
 * site class ({@code hub} or {@code site}), a region, a tenant (the sites that host it). The most
 * specific policy that matches a site applies.
 */
public enum PolicyScope {
  FLEET("fleet"), SITE_CLASS("site-class"), REGION("region"), TENANT("tenant");

  private final String id;

  PolicyScope(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static PolicyScope byId(String id) {
    for (PolicyScope s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scope " + id
        + " (fleet, site-class, region or tenant)");
  }
}
