package com.towerco.events.payload.notification;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A notification that was due but not sent because active silences matched what it was about:
 * the alerts of a group (or an incident's escalation) and the silences that muted them, so a
 * suppression is on record instead of dropped without trace.
 */
public record NotificationSuppressed(
    @JsonProperty(required = true) String notificationId,
    @JsonProperty(required = true) String groupKey,
    @JsonProperty(required = true) String route,
    @JsonProperty(required = true) List<String> receivers,
    @JsonProperty(required = true) List<String> silenceIds,
    @JsonProperty(required = true) List<String> alertIds,
    String incidentId,
    @JsonProperty(required = true) String sourceEventId,
    @JsonProperty(required = true) Instant suppressedAt) implements Payload {

  public NotificationSuppressed {
    text(notificationId, "notification_id", 64);
    text(groupKey, "group_key", 500);
    text(route, "route", 100);
    receivers = Check.textList(receivers, "receivers", 0, 32, 100);
    silenceIds = Check.textList(silenceIds, "silence_ids", 1, 50, 64);
    alertIds = Check.textList(alertIds, "alert_ids", 0, 1000, 64);
    Check.optionalText(incidentId, "incident_id", 64);
    text(sourceEventId, "source_event_id", 64);
    required(suppressedAt, "suppressed_at");
  }
}
