package com.towerco.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.Json;
import com.towerco.events.payload.Payload;
import java.time.Instant;

/** Messages in the device format, as a site would send them. */
public final class DeviceMessages {
  private DeviceMessages() {}

  /** {@code {"timestamp": ..., "payload": ...}}: what an MQTT device publishes. */
  public static ObjectNode message(Instant at, Payload payload) {
    ObjectNode message = Json.mapper().createObjectNode();
    message.put("timestamp", at.toString());
    message.set("payload", Json.mapper().valueToTree(payload));
    return message;
  }

  public static byte[] bytes(ObjectNode message) {
    try {
      return Json.mapper().writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
