package com.towerco.aiops.correlation;

import com.towerco.events.payload.Payload;
import java.time.Instant;
import java.util.Set;

/**
 * A change to an incident decided by the correlator: the command for the incident service
 * ({@code OpenIncident}, {@code AttachAlert}, {@code ClearIncident}), when, the tenants it
 * concerns and the root-cause site (the record key's neighbourhood).
 */
public record IncidentUpdate(String incidentId, Payload payload, Instant time,
    Set<String> tenants, String rootSiteId) {

  public IncidentUpdate {
    tenants = Set.copyOf(tenants);
  }
}
