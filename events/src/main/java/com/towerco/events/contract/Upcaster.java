package com.towerco.events.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the payload of one major version of an event type into the next one, on the JSON tree,
 * before the codec reads it into the current record. Named for the change it makes (for
 * example {@code TelemetryVoltageInMillivoltsToVolts}) and declared on the current record with
 * {@link EventDefinition#upcasters()}; the codec runs the chain, nothing else does.
 */
public interface Upcaster {
  /** The major version this reads: 1 for every 1.x payload. */
  int fromMajor();

  /** The version this writes, e.g. {@code "2.0"}; its major is {@code fromMajor() + 1}. */
  String toVersion();

  /** The payload in the next major version's shape; may change and return its argument. */
  ObjectNode upcast(ObjectNode payload);
}
