package com.towerco.events.payload.alert;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** The alert named by {@code alertId} stopped firing. */
public record AlertResolved(
    @JsonProperty(required = true) String alertId,
    @JsonProperty(required = true) String fingerprint,
    @JsonProperty(required = true) String rule,
    @JsonProperty(required = true) AlertSeverity severity,
    @JsonProperty(required = true) String summary,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) List<String> affectedTenants,
    @JsonProperty(required = true) Instant startsAt,
    @JsonProperty(required = true) Instant endsAt) implements Payload {

  public AlertResolved {
    text(alertId, "alert_id", 64);
    text(fingerprint, "fingerprint", 128);
    text(rule, "rule", 100);
    required(severity, "severity");
    text(summary, "summary", 500);
    Check.id(siteId, "site_id");
    affectedTenants = Check.idList(affectedTenants, "affected_tenants", 0, 16);
    required(startsAt, "starts_at");
    required(endsAt, "ends_at");
  }
}
