package com.towerco.events.payload.alert;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert started firing. {@code fingerprint} is stable for the same problem on the same
 * object (rule + site + object), so repeats deduplicate; {@code alertId} names this firing.
 */
public record AlertFiring(
    @JsonProperty(required = true) String alertId,
    @JsonProperty(required = true) String fingerprint,
    @JsonProperty(required = true) String rule,
    @JsonProperty(required = true) AlertSeverity severity,
    @JsonProperty(required = true) String summary,
    @JsonProperty(required = true) String siteId,
    @JsonProperty(required = true) String region,
    String hubSiteId,
    @JsonProperty(required = true) List<String> affectedTenants,
    @JsonProperty(required = true) Map<String, String> labels,
    @JsonProperty(required = true) Instant startsAt,
    @JsonProperty(required = true) List<String> evidenceEventIds) implements Payload {

  public AlertFiring {
    text(alertId, "alert_id", 64);
    text(fingerprint, "fingerprint", 128);
    text(rule, "rule", 100);
    required(severity, "severity");
    text(summary, "summary", 500);
    Check.id(siteId, "site_id");
    Check.id(region, "region");
    Check.optionalId(hubSiteId, "hub_site_id");
    affectedTenants = Check.idList(affectedTenants, "affected_tenants", 0, 16);
    labels = Check.stringMap(labels, "labels");
    required(startsAt, "starts_at");
    evidenceEventIds = Check.list(evidenceEventIds, "evidence_event_ids", 0, 64);
  }
}
