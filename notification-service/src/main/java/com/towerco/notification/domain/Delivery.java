package com.towerco.notification.domain;

import java.time.Instant;

/**
 * A notification on its way to one receiver: which attempt was last sent, whether it is in
 * flight (waiting for its outcome) or waiting for its retry time. It exists until an attempt is
 * delivered or the last one fails, and is kept in Kafka so a restart resumes it.
 */
public record Delivery(
    String key,
    String tenant,
    Receiver receiver,
    Notification notification,
    int attempt,
    int maxAttempts,
    Status status,
    Instant dueAt,
    boolean fastFail,
    Instant createdAt) {

  /** In flight: an attempt was requested; waiting: the next attempt is due at {@code dueAt}. */
  public enum Status { IN_FLIGHT, WAITING }

  public static Delivery create(Notification notification, Receiver receiver, int maxAttempts,
      Instant now) {
    return new Delivery(notification.idempotencyKey(receiver.name()), notification.tenant(),
        receiver, notification, 0, maxAttempts, Status.WAITING, now, false, now);
  }

  public String breakerId() {
    return breakerId(tenant, receiver.name());
  }

  public static String breakerId(String tenant, String receiver) {
    return tenant + "|" + receiver;
  }

  /** The next attempt was requested; {@code failFast} when the circuit is open. */
  public Delivery sent(boolean failFast) {
    return new Delivery(key, tenant, receiver, notification, attempt + 1, maxAttempts,
        Status.IN_FLIGHT, null, failFast, createdAt);
  }

  public Delivery retryAt(Instant at) {
    return new Delivery(key, tenant, receiver, notification, attempt, maxAttempts,
        Status.WAITING, at, fastFail, createdAt);
  }

  public boolean nextIsFinal() {
    return attempt + 1 >= maxAttempts;
  }

  /** The request for the next attempt. */
  public DeliveryRequest request(boolean circuitOpen, Instant now) {
    return new DeliveryRequest(key, tenant, receiver, notification, attempt + 1,
        nextIsFinal(), circuitOpen, now);
  }
}
