package com.towerco.events;

import com.towerco.events.payload.Payload;
import java.util.List;
import java.util.Optional;

/**
 * The platform's event types, as the payload records declare them (see
 * {@link com.towerco.events.contract.EventDefinition} and {@code events/README.md}). A shortcut
 * to {@link EventCatalog#bundled()}: {@code EventTypes.of(SiteTelemetry.class).name()}.
 */
public final class EventTypes {
  private EventTypes() {}

  /** The type a payload record is written as (its current version). */
  public static EventType of(Class<? extends Payload> payloadClass) {
    return EventCatalog.bundled().current(payloadClass);
  }

  /** Every type and version, by topic family, name and version. */
  public static List<EventType> all() {
    return EventCatalog.bundled().all();
  }

  public static boolean isKnownName(String name) {
    return EventCatalog.bundled().isKnownName(name);
  }

  /** The type of exactly this name and version. */
  public static Optional<EventType> find(String name, String version) {
    return EventCatalog.bundled().find(name, version);
  }
}
