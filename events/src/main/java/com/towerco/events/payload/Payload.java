package com.towerco.events.payload;

/**
 * The body of an event. One record per event type and major version, annotated with
 * {@link com.towerco.events.contract.EventDefinition} and its fields' constraints; the codec
 * checks every decoded payload against them, so a decoded payload is always one its JSON Schema
 * accepts. How to add one: {@code events/README.md}.
 */
public interface Payload {
}
