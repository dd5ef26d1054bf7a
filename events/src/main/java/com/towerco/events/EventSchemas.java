package com.towerco.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of the event catalogue, loaded from the classpath and checked with the
 * networknt validator. Producers we own validate with it before publishing (the ingest check),
 * the contract test uses it as the oracle for {@link EventCodec}, and a consumer can be set to
 * run it on every record ({@code validation=full}).
 */
public final class EventSchemas {
  private static final String ENVELOPE = "schemas/envelope.schema.json";

  private final Schema envelope;
  private final Map<EventType, Schema> payloads = new HashMap<>();

  public EventSchemas() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(
            com.networknt.schema.SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                .build()));
    envelope = registry.getSchema(load(ENVELOPE));
    for (EventType type : EventTypes.all()) {
      payloads.put(type, registry.getSchema(load(type.schemaResource())));
    }
  }

  /** Every violation of the envelope and payload schemas; empty when the event is valid. */
  public List<String> validate(byte[] json) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(json);
    } catch (IOException e) {
      return List.of("malformed JSON: " + e.getMessage());
    }
    return validate(node);
  }

  /** As {@link #validate(byte[])}, for an already parsed event. */
  public List<String> validate(JsonNode event) {
    List<String> problems = new ArrayList<>();
    for (Error error : envelope.validate(event)) {
      problems.add(error.toString());
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    String name = event.get("event_type").asText();
    String version = event.get("version").asText();
    EventType type = EventTypes.find(name, version).orElse(null);
    if (type == null) {
      return List.of(EventTypes.isKnownName(name)
          ? "unknown version " + version + " of " + name : "unknown event_type " + name);
    }
    for (Error error : payloads.get(type).validate(event.get("payload"))) {
      problems.add("payload" + error.toString().substring(1));
    }
    return problems;
  }

  /** The schema text of one event type, for the catalogue. */
  public static JsonNode schemaOf(EventType type) {
    return load(type.schemaResource());
  }

  public static JsonNode envelopeSchema() {
    return load(ENVELOPE);
  }

  private static JsonNode load(String resource) {
    try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + resource);
      }
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
