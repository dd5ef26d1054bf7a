package com.towerco.app.sites;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.Envelope;
import com.towerco.events.Json;

/**
 * A site event as a device sends it to the ingest gateway (the device format of the
 * ingest-gateway README): the envelope without tenant and metadata, which the gateway adds.
 */
public final class DeviceMessage {
  private DeviceMessage() {}

  /** With {@code site_id} and {@code type} (HTTP items), or without (MQTT: the topic says). */
  public static ObjectNode of(Envelope event, boolean withSiteAndType) {
    ObjectNode message = Json.mapper().createObjectNode();
    message.put("event_id", event.eventId());
    if (withSiteAndType) {
      message.put("site_id", event.siteId());
      message.put("type", event.eventType());
    }
    message.put("timestamp", event.timestamp().toString());
    message.put("version", event.version());
    message.set("payload", Json.mapper().valueToTree(event.payload()));
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
