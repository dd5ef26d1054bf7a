package com.towerco.events.payload.notification;

import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Description;
import com.towerco.events.contract.EventDefinition;
import com.towerco.events.contract.Range;
import com.towerco.events.contract.Required;
import com.towerco.events.contract.Text;
import com.towerco.events.payload.Payload;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The outcome of one attempt to deliver a notification to one receiver. */
@EventDefinition(name = "notification.attempted", version = "1.0",
    topic = TopicFamily.NOTIFICATION_DELIVERIES,
    description = "The outcome of one delivery attempt of a notification to a receiver.")
public record NotificationAttempted(
    @Description("Notification.") @Required @Text(64) String notificationId,
    @Description("Key the receiver can deduplicate on.") @Required @Text(128) String idempotencyKey,
    @Description("The alert or incident event notified about.")
    @Required @Text(64) String sourceEventId,
    @Description("Receiver name.") @Required @Text(100) String receiver,
    @Description("webhook, email, log, ...") @Required @Text(50) String channel,
    @Description("Attempt number.") @Required @Range(min = 1, max = 1000) int attempt,
    @Description("Outcome.") @Required Outcome outcome,
    @Description("HTTP status, for HTTP receivers.")
    @Range(min = 100, max = 599) Integer httpStatus,
    @Description("Error text.") @Text(2000) String error,
    @Description("When.") @Required Instant attemptedAt) implements Payload {

  /** Delivered, failed (will retry), or given up (sent to the dead-letter topic). */
  public enum Outcome {
    @JsonProperty("delivered") DELIVERED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("gave_up") GAVE_UP
  }
}
