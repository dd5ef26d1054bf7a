package com.towerco.notification.domain;

import java.time.Instant;

/**
 * One attempt to deliver a notification to a receiver, as the notifier asks the dispatcher
 * for it. {@code finalAttempt}: a failure gives up (the notification goes to the dead-letter
 * topic). {@code circuitOpen}: the receiver's circuit is open, so the attempt fails without
 * calling it.
 */
public record DeliveryRequest(
    String idempotencyKey,
    String tenant,
    Receiver receiver,
    Notification notification,
    int attempt,
    boolean finalAttempt,
    boolean circuitOpen,
    Instant requestedAt) {

  /** Requests of one receiver share a key, so they are dispatched in order. */
  public String dispatchKey() {
    return Delivery.breakerId(tenant, receiver.name());
  }
}
