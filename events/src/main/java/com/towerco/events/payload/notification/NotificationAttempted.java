package com.towerco.events.payload.notification;

import com.towerco.events.payload.Check;
import com.towerco.events.payload.Payload;

import static com.towerco.events.payload.Check.range;
import static com.towerco.events.payload.Check.required;
import static com.towerco.events.payload.Check.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The outcome of one attempt to deliver a notification to one receiver. */
public record NotificationAttempted(
    @JsonProperty(required = true) String notificationId,
    @JsonProperty(required = true) String idempotencyKey,
    @JsonProperty(required = true) String sourceEventId,
    @JsonProperty(required = true) String receiver,
    @JsonProperty(required = true) String channel,
    @JsonProperty(required = true) int attempt,
    @JsonProperty(required = true) Outcome outcome,
    Integer httpStatus,
    String error,
    @JsonProperty(required = true) Instant attemptedAt) implements Payload {

  public NotificationAttempted {
    text(notificationId, "notification_id", 64);
    text(idempotencyKey, "idempotency_key", 128);
    text(sourceEventId, "source_event_id", 64);
    text(receiver, "receiver", 100);
    text(channel, "channel", 50);
    range(attempt, 1, 1000, "attempt");
    required(outcome, "outcome");
    if (httpStatus != null) {
      range(httpStatus, 100, 599, "http_status");
    }
    Check.optionalText(error, "error", 2000);
    required(attemptedAt, "attempted_at");
  }

  /** Delivered, failed (will retry), or given up (sent to the dead-letter topic). */
  public enum Outcome {
    @JsonProperty("delivered") DELIVERED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("gave_up") GAVE_UP
  }
}
