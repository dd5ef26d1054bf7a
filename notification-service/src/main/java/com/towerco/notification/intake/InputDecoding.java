package com.towerco.notification.intake;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.notification.NotificationAttempted;
import com.towerco.notification.domain.NotifierInput;
import java.util.Optional;

/**
 * Turns a record from the alert, incident-lifecycle or delivery topics into notifier input,
 * stamped with its event time. A record that is not a valid event, or whose {@code tenant_id}
 * is not the tenant its topic belongs to (one tenant's data must never be routed as another's),
 * is rejected with its reason; events the notifier has no use for are skipped.
 * {@code incident.acknowledged} is read by name, known to the catalogue or not.
 */
public final class InputDecoding {
  /** What a record turned out to be. */
  public sealed interface Decoded {}

  /** Input for the notifier of {@code tenant}. */
  public record Accepted(String tenant, NotifierInput input, long eventTimeMillis,
      String eventType) implements Decoded {}

  /** Not processable: goes to the dead-letter topic. */
  public record Rejected(RejectReason reason, String detail) implements Decoded {}

  /** A valid event the notifier does not need. */
  public record Skipped(String eventType) implements Decoded {}

  private final EventCodec codec;

  public InputDecoding(EventCodec codec) {
    this.codec = codec;
  }

  public Decoded decode(String topic, byte[] value) {
    String topicTenant = TopicFamily.of(topic).flatMap(f -> f.idOf(topic)).orElse("");
    Envelope event;
    try {
      event = codec.decode(value);
    } catch (InvalidEventException e) {
      Optional<Acknowledgements.Acknowledgement> ack = Acknowledgements.read(value);
      if (ack.isPresent() && ack.get().tenantId().equals(topicTenant)) {
        return acknowledged(ack.get());
      }
      return new Rejected(e.reason(), e.detail());
    }
    if (!event.tenantId().equals(topicTenant)) {
      return new Rejected(RejectReason.SCHEMA_VIOLATION, "tenant_id " + event.tenantId()
          + " on the topic of tenant " + topicTenant);
    }
    String tenant = event.tenantId();
    String id = event.eventId();
    NotifierInput input = null;
    if (event.payload() instanceof AlertFiring firing) {
      input = new NotifierInput.AlertFired(tenant, id, firing);
    } else if (event.payload() instanceof AlertResolved resolved) {
      input = new NotifierInput.AlertCleared(tenant, id, resolved);
    } else if (event.payload() instanceof IncidentOpened opened) {
      input = new NotifierInput.IncidentStarted(tenant, id, opened);
    } else if (event.payload() instanceof IncidentResolved resolved) {
      input = new NotifierInput.IncidentStopped(tenant, id, resolved.incidentId(), "resolved");
    } else if (event.payload() instanceof NotificationAttempted attempted) {
      input = new NotifierInput.DeliveryOutcome(tenant, id, attempted);
    } else if (event.eventType().equals(Acknowledgements.TYPE)) {
      return Acknowledgements.read(value).<Decoded>map(InputDecoding::acknowledged)
          .orElseGet(() -> new Rejected(RejectReason.SCHEMA_VIOLATION,
              "incident.acknowledged without payload.incident_id"));
    }
    return input == null ? new Skipped(event.eventType())
        : new Accepted(tenant, input, event.timestamp().toEpochMilli(), event.eventType());
  }

  private static Accepted acknowledged(Acknowledgements.Acknowledgement ack) {
    return new Accepted(ack.tenantId(), new NotifierInput.IncidentStopped(ack.tenantId(),
        ack.eventId(), ack.incidentId(), "acknowledged"), ack.at().toEpochMilli(),
        Acknowledgements.TYPE);
  }
}
