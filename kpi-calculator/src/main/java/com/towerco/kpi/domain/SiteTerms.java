package com.towerco.kpi.domain;

/**
 * What the KPIs need from the inventory: a site's region and each tenancy's DC window. Unknown
 * sites and tenancies get sensible defaults rather than being dropped.
 */
public interface SiteTerms {
  String region(String siteId);

  DcWindow dcWindow(String siteId, String tenantId);

  /** The tenancies the inventory lists for a site (reported even when the site is silent). */
  java.util.List<String> tenants(String siteId);

  /** Terms for tests and for sites not yet in the inventory. */
  static SiteTerms defaults() {
    return new SiteTerms() {
      @Override
      public String region(String siteId) {
        return "unknown";
      }

      @Override
      public DcWindow dcWindow(String siteId, String tenantId) {
        return DcWindow.DEFAULT;
      }

      @Override
      public java.util.List<String> tenants(String siteId) {
        return java.util.List.of();
      }
    };
  }
}
