package com.towerco.notification.domain;

import com.towerco.events.EventTypes;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.incident.IncidentOpened;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The label set that routes, group-by lists and silences see. For an alert: {@code tenant},
 * {@code event_type}, {@code rule} (also as {@code alertname}), {@code severity},
 * {@code fingerprint}, {@code site}, {@code region}, {@code hub} (the hub the site's
 * transmission goes through, or the site itself when it has none, so a hub and the sites behind
 * it share a value), {@code affected_tenants} (comma-separated), then the alert's own labels
 * (such as {@code chain}) where they do not clash. For an incident: {@code tenant},
 * {@code event_type}, {@code incident}, {@code severity}, {@code site} and {@code hub} (the
 * root-cause site), {@code kind} (root-cause kind), {@code affected_tenants}.
 */
public final class Labels {
  private Labels() {}

  public static Map<String, String> ofAlert(String tenant, AlertFiring alert) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("tenant", tenant);
    labels.put("event_type", EventTypes.of(AlertFiring.class).name());
    labels.put("rule", alert.rule());
    labels.put("alertname", alert.rule());
    labels.put("severity", alert.severity().name().toLowerCase());
    labels.put("fingerprint", alert.fingerprint());
    labels.put("site", alert.siteId());
    labels.put("region", alert.region());
    labels.put("hub", alert.hubSiteId() != null ? alert.hubSiteId() : alert.siteId());
    labels.put("affected_tenants", String.join(",", sorted(alert.affectedTenants())));
    alert.labels().forEach(labels::putIfAbsent);
    return labels;
  }

  public static Map<String, String> ofIncident(String tenant, IncidentOpened incident) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("tenant", tenant);
    labels.put("event_type", EventTypes.of(IncidentOpened.class).name());
    labels.put("incident", incident.incidentId());
    labels.put("severity", incident.severity().name().toLowerCase());
    labels.put("site", incident.rootCause().siteId());
    labels.put("hub", incident.rootCause().siteId());
    labels.put("kind", incident.rootCause().kind());
    labels.put("affected_tenants", String.join(",", sorted(incident.affectedTenants())));
    return labels;
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }
}
