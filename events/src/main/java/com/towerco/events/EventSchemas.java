package com.towerco.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.towerco.events.contract.SchemaWriter;
import com.towerco.events.contract.Upcaster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON Schemas of the event catalogue, checked with the networknt validator: the oracle the
 * contract test holds {@link EventCodec} to, and the check producers at the edge can run before
 * publishing. It reads each version the way the codec does ({@link EventCatalog#reading}): a
 * known version against its schema, a newer minor version against the newest known schema
 * with unknown fields allowed, an older major after its upcasters.
 */
public final class EventSchemas {
  private static final String ENVELOPE = "schemas/envelope.schema.json";

  private final EventCatalog catalog;
  private final Function<EventType, JsonNode> source;
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(
          SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private final Schema envelope = registry.getSchema(load(ENVELOPE));
  private final Map<EventType, Schema> strict = new HashMap<>();
  private final Map<EventType, Schema> open = new HashMap<>();

  /** The platform's schemas, as the build bundled them on the classpath. */
  public EventSchemas() {
    this(EventCatalog.bundled(), EventSchemas::schemaOf);
  }

  private EventSchemas(EventCatalog catalog, Function<EventType, JsonNode> source) {
    this.catalog = catalog;
    this.source = source;
  }

  /** The schemas of another catalogue, written in memory (tests of other contract versions). */
  public static EventSchemas generatedFor(EventCatalog catalog) {
    return new EventSchemas(catalog, SchemaWriter::schema);
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
  public synchronized List<String> validate(JsonNode event) {
    List<String> problems = new ArrayList<>();
    for (Error error : envelope.validate(event)) {
      problems.add(error.toString());
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    String name = event.get("event_type").asText();
    String version = event.get("version").asText();
    EventCatalog.Reading reading = catalog.reading(name, version);
    if (reading == null) {
      return List.of(catalog.isKnownName(name)
          ? "unknown version " + version + " of " + name : "unknown event_type " + name);
    }
    JsonNode payload = event.get("payload");
    for (Upcaster upcaster : reading.upcasters()) {
      payload = upcaster.upcast(((ObjectNode) payload).deepCopy());
    }
    Schema schema = reading.lenient()
        ? open.computeIfAbsent(reading.type(), t -> registry.getSchema(opened(source.apply(t))))
        : strict.computeIfAbsent(reading.type(), t -> registry.getSchema(source.apply(t)));
    for (Error error : schema.validate(payload)) {
      problems.add("payload" + error.toString().substring(1));
    }
    return problems;
  }

  /** The schema of one event type and version, as the build wrote it. */
  public static JsonNode schemaOf(EventType type) {
    return load(type.schemaResource());
  }

  public static JsonNode envelopeSchema() {
    return load(ENVELOPE);
  }

  /** The schema with every object open to fields it does not name (for newer minor versions). */
  private static JsonNode opened(JsonNode schema) {
    ObjectNode copy = schema.deepCopy();
    open(copy);
    copy.put("$id", copy.path("$id").asText().replace(".schema.json", ".open.schema.json"));
    return copy;
  }

  private static void open(JsonNode node) {
    if (node instanceof ObjectNode object && object.path("additionalProperties").isBoolean()) {
      object.remove("additionalProperties");
    }
    node.forEach(EventSchemas::open);
  }

  private static JsonNode load(String resource) {
    try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + resource
            + " (the events build writes the payload schemas; run mvn process-classes)");
      }
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
