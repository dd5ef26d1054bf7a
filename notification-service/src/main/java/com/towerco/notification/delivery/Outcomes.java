package com.towerco.notification.delivery;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.EventTypes;
import com.towerco.events.payload.notification.NotificationAttempted;
import com.towerco.notification.domain.DeliveryRequest;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code notification.attempted} event of one attempt. Its id is derived from the
 * idempotency key and attempt number, so an attempt repeated after a crash reports under the
 * same id and consumers count it once.
 */
final class Outcomes {
  static final String CIRCUIT_OPEN = "circuit breaker open: the receiver was not called";
  static final int MAX_ERROR = 300;
  private static final Map<String, String> METADATA = Map.of("producer", "notification-service");

  private Outcomes() {}

  static NotificationAttempted.Outcome outcome(DeliveryRequest request, SendResult result) {
    if (result.delivered()) {
      return NotificationAttempted.Outcome.DELIVERED;
    }
    return request.finalAttempt() || result.permanent()
        ? NotificationAttempted.Outcome.GAVE_UP : NotificationAttempted.Outcome.FAILED;
  }

  /**
   * The error as recorded on the tenant's deliveries topic: one line of at most
   * {@value #MAX_ERROR} characters. Senders already write fixed sentences without internal
   * details; this is the last guard.
   */
  static String bounded(String error) {
    if (error == null) {
      return null;
    }
    String line = error.replaceAll("\\p{Cntrl}", " ");
    return line.length() <= MAX_ERROR ? line : line.substring(0, MAX_ERROR - 3) + "...";
  }

  static Envelope event(DeliveryRequest request, SendResult result, Instant at) {
    var n = request.notification();
    String error = bounded(result.error());
    NotificationAttempted attempted = new NotificationAttempted(n.notificationId(),
        request.idempotencyKey(), n.sourceEventId() != null ? n.sourceEventId()
            : n.notificationId(), request.receiver().name(),
        request.receiver().type().wireName(), request.attempt(), outcome(request, result),
        result.httpStatus(), error, at);
    String id = EventIds.derived(EventTypes.of(NotificationAttempted.class).name(),
        request.idempotencyKey(), String.valueOf(request.attempt()));
    return Envelope.of(id, request.tenant(), "", at, attempted, METADATA);
  }
}
