package com.towerco.events;

import com.towerco.events.payload.Payload;

/**
 * One event type at one version: its name on the wire, the payload record it decodes to, the
 * topic family it travels on, and its JSON Schema in {@code schemas/<name>/<version>.schema.json}.
 */
public record EventType(
    String name,
    String version,
    Class<? extends Payload> payloadClass,
    TopicFamily topic,
    String description) {

  public String schemaResource() {
    return "schemas/" + name + "/" + version + ".schema.json";
  }

  @Override
  public String toString() {
    return name + "@" + version;
  }
}
