package com.towerco.aiops.correlation;

import com.towerco.events.payload.Payload;
import java.time.Instant;
import java.util.Set;

/**
 * A change to an incident decided by the correlator: the lifecycle event's payload
 * ({@code IncidentOpened}, {@code IncidentAlertAttached}, {@code IncidentResolved}), when, and
 * the tenants whose incident topics must carry it.
 */
public record IncidentUpdate(String incidentId, Payload payload, Instant time,
    Set<String> tenants, String rootSiteId) {

  public IncidentUpdate {
    tenants = Set.copyOf(tenants);
  }
}
