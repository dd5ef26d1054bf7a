package com.towerco.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.Rfc3339;
import com.towerco.notification.config.NotificationJson;
import com.towerco.notification.domain.DeliveryRequest;
import com.towerco.notification.domain.GroupedAlert;
import com.towerco.notification.domain.Notification;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a notification for each channel. Every body carries the idempotency key: the generic
 * JSON as {@code idempotency_key}, the Slack message in its footer, the Alertmanager webhook
 * (version 4, as Prometheus Alertmanager sends it) in {@code commonAnnotations}; HTTP requests
 * also send it as the {@code Idempotency-Key} header and e-mails as their Message-ID.
 */
public final class Rendering {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private Rendering() {}

  /** The generic JSON body: the notification as the service holds it. */
  public static byte[] generic(DeliveryRequest request) {
    ObjectMapper mapper = NotificationJson.state();
    Notification n = request.notification();
    ObjectNode body = NODES.objectNode()
        .put("version", "1")
        .put("idempotency_key", request.idempotencyKey())
        .put("notification_id", n.notificationId())
        .put("tenant_id", n.tenant())
        .put("receiver", request.receiver().name())
        .put("title", n.title())
        .put("attempt", request.attempt());
    body.setAll((ObjectNode) mapper.valueToTree(n));
    return bytes(body);
  }

  /** A Slack incoming-webhook message. */
  public static byte[] slack(DeliveryRequest request) {
    Notification n = request.notification();
    StringBuilder text = new StringBuilder();
    if (n.kind() == Notification.Kind.ESCALATION) {
      Notification.IncidentSummary i = n.incident();
      text.append("Incident ").append(i.incidentId()).append(" not acknowledged: ")
          .append(i.rootCauseDescription()).append(" (root cause ").append(i.rootCauseKind())
          .append(" at ").append(i.rootCauseSite()).append(", ").append(i.affectedSites())
          .append(" sites)");
    } else {
      for (GroupedAlert a : n.alerts()) {
        text.append(a.firing() ? "• " : "✓ ").append(a.severity().name()).append(' ')
            .append(a.summary()).append('\n');
      }
      if (n.truncatedAlerts() > 0) {
        text.append("… and ").append(n.truncatedAlerts()).append(" more\n");
      }
    }
    ObjectNode attachment = NODES.objectNode()
        .put("color", n.status() == Notification.Status.FIRING ? "danger" : "good")
        .put("title", n.title())
        .put("text", text.toString())
        .put("footer", "towerco " + n.tenant() + " · idempotency-key " + request.idempotencyKey());
    ObjectNode body = NODES.objectNode().put("text", n.title());
    body.putArray("attachments").add(attachment);
    return bytes(body);
  }

  /** The Prometheus Alertmanager webhook payload (version 4). */
  public static byte[] alertmanager(DeliveryRequest request) {
    Notification n = request.notification();
    ObjectNode body = NODES.objectNode()
        .put("version", "4")
        .put("groupKey", n.tenant() + ":" + n.groupKey())
        .put("truncatedAlerts", n.truncatedAlerts())
        .put("status", n.status() == Notification.Status.FIRING ? "firing" : "resolved")
        .put("receiver", request.receiver().name())
        .put("externalURL", "");
    body.set("groupLabels", labels(n.groupLabels()));
    body.set("commonLabels", labels(Map.of("tenant", n.tenant())));
    body.set("commonAnnotations", labels(Map.of("idempotency_key", request.idempotencyKey(),
        "title", n.title())));
    ArrayNode alerts = body.putArray("alerts");
    if (n.kind() == Notification.Kind.ESCALATION) {
      Notification.IncidentSummary i = n.incident();
      Map<String, String> l = Map.of("alertname", "incident-escalation", "incident",
          i.incidentId(), "severity", i.severity().name().toLowerCase(), "level",
          String.valueOf(i.level()), "site", i.rootCauseSite(), "tenant", n.tenant());
      alerts.add(alert("firing", l, i.title(), i.openedAt(), null, i.incidentId()));
    } else {
      for (GroupedAlert a : n.alerts()) {
        Map<String, String> l = new TreeMap<>(a.labels());
        alerts.add(alert(a.firing() ? "firing" : "resolved", l, a.summary(), a.startsAt(),
            a.endsAt(), a.fingerprint()));
      }
    }
    return bytes(body);
  }

  /** The e-mail subject. */
  public static String subject(DeliveryRequest request) {
    return "[towerco " + request.notification().tenant() + "] " + request.notification().title();
  }

  /** The e-mail body, plain text. */
  public static String mailText(DeliveryRequest request) {
    Notification n = request.notification();
    StringBuilder text = new StringBuilder(n.title()).append("\n\n");
    if (n.kind() == Notification.Kind.ESCALATION) {
      Notification.IncidentSummary i = n.incident();
      text.append("Incident ").append(i.incidentId()).append(" (").append(i.severity())
          .append(") has not been acknowledged; escalation level ").append(i.level())
          .append(" of policy ").append(i.policy()).append(".\n")
          .append("Root cause: ").append(i.rootCauseDescription()).append(" (")
          .append(i.rootCauseKind()).append(" at ").append(i.rootCauseSite()).append(")\n")
          .append("Affected sites: ").append(i.affectedSites()).append("\nOpened: ")
          .append(Rfc3339.format(i.openedAt())).append('\n');
    } else {
      for (GroupedAlert a : n.alerts()) {
        text.append(a.firing() ? "FIRING   " : "RESOLVED ").append(a.severity()).append("  ")
            .append(a.summary()).append("  (site ").append(a.siteId()).append(", since ")
            .append(Rfc3339.format(a.startsAt())).append(")\n");
      }
      if (n.truncatedAlerts() > 0) {
        text.append("... and ").append(n.truncatedAlerts()).append(" more\n");
      }
    }
    text.append("\nIdempotency-Key: ").append(request.idempotencyKey()).append('\n');
    return text.toString();
  }

  private static ObjectNode alert(String status, Map<String, String> labels, String summary,
      Instant startsAt, Instant endsAt, String fingerprint) {
    ObjectNode alert = NODES.objectNode().put("status", status);
    alert.set("labels", labels(labels));
    alert.set("annotations", labels(Map.of("summary", summary)));
    alert.put("startsAt", Rfc3339.format(startsAt))
        .put("endsAt", endsAt == null ? ZERO_TIME : Rfc3339.format(endsAt))
        .put("generatorURL", "")
        .put("fingerprint", fingerprint);
    return alert;
  }

  private static ObjectNode labels(Map<String, String> values) {
    ObjectNode node = NODES.objectNode();
    new TreeMap<>(values).forEach(node::put);
    return node;
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return NotificationJson.state().writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
