package com.towerco.events.payload;

/**
 * The body of an event. One record per event type and major version; each record checks its own
 * invariants in its constructor, so a decoded payload is always one its JSON Schema accepts.
 */
public interface Payload {
}
