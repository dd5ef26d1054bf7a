package com.towerco.events.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.contract.Upcaster;

/**
 * site.telemetry 1.x to 2.0: {@code mains: {available, voltage_v}} and the 1.1 field
 * {@code grid_frequency_hz} become {@code grid: {state, voltage_v, frequency_hz}}.
 */
public final class MainsBecomesGrid implements Upcaster {
  @Override
  public int fromMajor() {
    return 1;
  }

  @Override
  public String toVersion() {
    return "2.0";
  }

  @Override
  public ObjectNode upcast(ObjectNode payload) {
    JsonNode mains = payload.remove("mains");
    if (mains == null) {
      return payload;
    }
    ObjectNode grid = payload.objectNode();
    grid.put("state", mains.path("available").asBoolean() ? "up" : "down");
    grid.set("voltage_v", mains.get("voltage_v"));
    if (payload.has("grid_frequency_hz")) {
      grid.set("frequency_hz", payload.remove("grid_frequency_hz"));
    }
    ObjectNode upcast = payload.objectNode();
    upcast.set("grid", grid);
    upcast.setAll(payload);
    return upcast;
  }
}
