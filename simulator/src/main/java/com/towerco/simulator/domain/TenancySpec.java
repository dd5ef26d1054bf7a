package com.towerco.simulator.domain;

import com.towerco.events.payload.site.SiteRegistered;

/**
 * One operator's lease on a site: the SLA terms published in the inventory, and what the model
 * needs besides (the equipment's base DC load and the feed's cable drop).
 */
public record TenancySpec(String tenantId, double slaAvailabilityPct, double dcMinV,
    double dcMaxV, double backupHours, double baseLoadKw, double cableDropV) {

  public SiteRegistered.Tenancy registration() {
    return new SiteRegistered.Tenancy(tenantId, slaAvailabilityPct, dcMinV, dcMaxV, backupHours);
  }
}
