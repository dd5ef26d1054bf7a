package com.towerco.events;

import com.towerco.events.payload.Payload;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The ADR-001 event envelope, field for field: {@code event_id, event_type, tenant_id, site_id,
 * timestamp, version, payload, metadata}. {@code timestamp} is event time, the only clock that
 * windows, detectors, correlation and SLA clocks use. {@code site_id} is empty for events that
 * belong to no single site.
 */
public record Envelope(
    String eventId,
    String eventType,
    String tenantId,
    String siteId,
    Instant timestamp,
    String version,
    Payload payload,
    Map<String, String> metadata) {

  public Envelope {
    Objects.requireNonNull(eventId, "event_id");
    Objects.requireNonNull(eventType, "event_type");
    Objects.requireNonNull(tenantId, "tenant_id");
    Objects.requireNonNull(siteId, "site_id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(payload, "payload");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /**
   * A new event of the payload's current type and version. The payload is checked against its
   * record's contract first: a {@link com.towerco.events.contract.ContractViolation} (an
   * {@link IllegalArgumentException}) names the field that would make the event invalid.
   */
  public static Envelope of(String eventId, String tenantId, String siteId, Instant timestamp,
      Payload payload, Map<String, String> metadata) {
    EventType type = EventCatalog.bundled().checkedForWriting(payload);
    return new Envelope(eventId, type.name(), tenantId, siteId, timestamp, type.version(),
        payload, metadata);
  }

  public EventType type() {
    return EventTypes.find(eventType, version).orElseThrow(() -> new IllegalStateException(
        "not in this process's catalogue: " + eventType + " " + version));
  }

  /** The payload as the given record, or an exception naming the actual type. */
  public <P extends Payload> P payloadAs(Class<P> payloadClass) {
    if (!payloadClass.isInstance(payload)) {
      throw new ClassCastException(eventType + " carries " + payload.getClass().getSimpleName());
    }
    return payloadClass.cast(payload);
  }
}
