package com.towerco.notification.domain;

import com.towerco.events.payload.incident.IncidentOpened;
import java.time.Instant;
import java.util.Map;

/**
 * An open, unacknowledged incident climbing its escalation policy: the next level to notify
 * and when. Acknowledging or resolving the incident ends it; so does notifying the last level.
 */
public record Escalation(
    String tenant,
    String incidentId,
    EscalationPolicy policy,
    int nextLevel,
    Instant openedAt,
    Instant dueAt,
    Map<String, String> labels,
    Notification.IncidentSummary incident,
    String sourceEventId) {

  public Escalation {
    labels = Map.copyOf(labels);
  }

  public static String id(String tenant, String incidentId) {
    return tenant + "|" + incidentId;
  }

  public String id() {
    return id(tenant, incidentId);
  }

  public static Escalation start(String tenant, IncidentOpened incident, String eventId,
      EscalationPolicy policy, Map<String, String> labels) {
    var summary = new Notification.IncidentSummary(incident.incidentId(), incident.title(),
        incident.severity(), incident.rootCause().siteId(), incident.rootCause().kind(),
        incident.rootCause().description(), incident.affectedSites().size(),
        incident.openedAt(), 0, policy.name());
    return new Escalation(tenant, incident.incidentId(), policy, 0, incident.openedAt(),
        incident.openedAt().plus(policy.levels().get(0).after()), labels, summary, eventId);
  }

  public EscalationPolicy.Level level() {
    return policy.levels().get(nextLevel);
  }

  /** After notifying the current level: the next one, or null when none is left. */
  public Escalation advance() {
    int next = nextLevel + 1;
    if (next >= policy.levels().size()) {
      return null;
    }
    return new Escalation(tenant, incidentId, policy, next, openedAt,
        openedAt.plus(policy.levels().get(next).after()), labels, incident, sourceEventId);
  }
}
