package com.towerco.events.payload.incident;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Command from the SLA clock: a tenant's outage minutes at a site exceeded what its
 * availability target allows for the month. Keyed by the SLA period (tenant, site, month);
 * recorded once.
 */
public record RecordSlaBreach(
    @JsonProperty(required = true) String tenantId,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) String month,
    @JsonProperty(required = true) double targetPct,
    @JsonProperty(required = true) double availabilityPct,
    @JsonProperty(required = true) double minutesOutOfWindow,
    @JsonProperty(required = true) double allowedMinutes,
    String incidentId,
    @JsonProperty(required = true) Instant breachedAt) implements Payload {

  public RecordSlaBreach {
    Check.id(tenantId, "tenant_id");
    Check.id(siteId, "site_id");
    Check.month(month, "month");
    Check.range(targetPct, 0, 100, "target_pct");
    Check.range(availabilityPct, 0, 100, "availability_pct");
    Check.range(minutesOutOfWindow, 0, 50000, "minutes_out_of_window");
    Check.range(allowedMinutes, 0, 50000, "allowed_minutes");
    Check.optionalText(incidentId, "incident_id", 64);
    Check.required(breachedAt, "breached_at");
  }
}
