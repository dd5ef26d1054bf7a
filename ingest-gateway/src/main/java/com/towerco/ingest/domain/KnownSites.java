package com.towerco.ingest.domain;

/** Whether the inventory has this site (registered and not decommissioned). */
@FunctionalInterface
public interface KnownSites {
  boolean contains(String siteId);
}
