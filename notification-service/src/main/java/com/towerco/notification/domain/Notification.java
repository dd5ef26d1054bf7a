package com.towerco.notification.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.towerco.events.EventIds;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What one notification says, whatever the channel renders it as: an alert group's state
 * (firing alerts, and those resolved since the last notification) or an incident escalation.
 * Its id is derived from the group and its sequence number, and each receiver's idempotency key
 * from that id, so a retry or a replay after a crash carries the same key and a receiver can
 * drop the repeat.
 */
public record Notification(
    String notificationId,
    String tenant,
    Kind kind,
    Status status,
    String groupKey,
    String route,
    Map<String, String> groupLabels,
    long sequence,
    List<GroupedAlert> alerts,
    int truncatedAlerts,
    IncidentSummary incident,
    String sourceEventId,
    Instant createdAt) {

  /** An alert group, or an incident escalation level. */
  public enum Kind {
    @JsonProperty("alert_group") ALERT_GROUP,
    @JsonProperty("escalation") ESCALATION
  }

  /** Whether anything in it is still firing. */
  public enum Status {
    @JsonProperty("firing") FIRING,
    @JsonProperty("resolved") RESOLVED
  }

  /** Alerts firing first, most severe first, then oldest first. */
  public static final Comparator<GroupedAlert> ORDER = Comparator
      .comparing((GroupedAlert a) -> a.firing() ? 0 : 1)
      .thenComparing(GroupedAlert::severity)
      .thenComparing(GroupedAlert::startsAt)
      .thenComparing(GroupedAlert::fingerprint);

  /** The incident an escalation is about. */
  public record IncidentSummary(
      String incidentId,
      String title,
      AlertSeverity severity,
      String rootCauseSite,
      String rootCauseKind,
      String rootCauseDescription,
      int affectedSites,
      Instant openedAt,
      int level,
      String policy) {

    public IncidentSummary atLevel(int newLevel, String policyName) {
      return new IncidentSummary(incidentId, title, severity, rootCauseSite, rootCauseKind,
          rootCauseDescription, affectedSites, openedAt, newLevel, policyName);
    }
  }

  public Notification {
    groupLabels = groupLabels == null ? Map.of() : Map.copyOf(groupLabels);
    alerts = alerts == null ? List.of() : List.copyOf(alerts);
  }

  public static String id(String tenant, String groupKey, Instant groupCreatedAt,
      long sequence) {
    return EventIds.derived("notification", tenant, groupKey, groupCreatedAt.toString(),
        String.valueOf(sequence));
  }

  /** The key the receiver deduplicates on: one per notification and receiver. */
  public String idempotencyKey(String receiver) {
    return EventIds.derived(notificationId, receiver);
  }

  public long firingCount() {
    return alerts.stream().filter(GroupedAlert::firing).count() + (status == Status.FIRING
        ? truncatedAlerts : 0);
  }

  /** One line for a person: {@code [FIRING:3] noc{hub="H001"} Site unreachable at S0001}. */
  public String title() {
    if (kind == Kind.ESCALATION) {
      return "[ESCALATION L" + incident.level() + "] " + incident.severity().name() + " "
          + incident.title();
    }
    String head = status == Status.FIRING ? "[FIRING:" + firingCount() + "] " : "[RESOLVED] ";
    String first = alerts.isEmpty() ? "" : " " + alerts.get(0).summary();
    return head + groupKey + first;
  }
}
