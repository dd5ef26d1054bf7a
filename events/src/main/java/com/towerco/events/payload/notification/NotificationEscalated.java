package com.towerco.events.payload.notification;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.range;
import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An incident was not acknowledged within its escalation policy's time, so the policy's next
 * level was notified; {@code notificationId} names the notification sent to that level.
 */
public record NotificationEscalated(
    @JsonProperty(required = true) String incidentId,
    @JsonProperty(required = true) String policy,
    @JsonProperty(required = true) int level,
    @JsonProperty(required = true) List<String> receivers,
    @JsonProperty(required = true) String notificationId,
    @JsonProperty(required = true) Instant escalatedAt) implements Payload {

  public NotificationEscalated {
    text(incidentId, "incident_id", 64);
    text(policy, "policy", 100);
    range(level, 1, 100, "level");
    receivers = Check.textList(receivers, "receivers", 1, 32, 100);
    text(notificationId, "notification_id", 64);
    required(escalatedAt, "escalated_at");
  }
}
