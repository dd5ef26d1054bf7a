package com.towerco.notification.domain;

import com.towerco.events.payload.Payload;
import java.time.Instant;

/** What the notifier decided: request a delivery attempt, or publish an event. */
public sealed interface Decision {
  /** Ask the dispatcher for one delivery attempt. */
  record Dispatch(DeliveryRequest request) implements Decision {}

  /** Publish an event (suppressed, escalated) on the tenant's deliveries topic. */
  record Publish(String tenant, String key, String eventId, String siteId, Instant time,
      Payload payload) implements Decision {}
}
