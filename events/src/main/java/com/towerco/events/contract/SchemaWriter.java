package com.towerco.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.EventType;
import com.towerco.events.Ids;
import com.towerco.events.Json;

/**
 * Writes the JSON Schema (draft 2020-12) of one event type and version from its record's
 * {@link RecordSpec}: closed objects ({@code additionalProperties: false}), required fields,
 * and every constraint the annotations declare. Used by the build ({@link ContractBuild});
 * nothing reads annotations for schemas anywhere else.
 */
public final class SchemaWriter {
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  public static final String ID_BASE = "https://towerco.example/schemas/";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaWriter() {}

  public static ObjectNode schema(EventType type) {
    Version version = Version.parse(type.version());
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", DIALECT);
    schema.put("$id", ID_BASE + type.name() + "/" + type.version() + ".schema.json");
    schema.put("title", type.name() + " " + type.version());
    schema.put("description", type.description());
    schema.setAll(object(RecordSpec.of(type.payloadClass()), version));
    return schema;
  }

  private static ObjectNode object(RecordSpec spec, Version version) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "object");
    ArrayNode required = node.putArray("required");
    node.put("additionalProperties", false);
    ObjectNode properties = node.putObject("properties");
    for (FieldSpec field : spec.fields()) {
      if (!field.presentIn(version)) {
        continue;
      }
      if (field.required()) {
        required.add(field.name());
      }
      properties.set(field.name(), field(field, version));
    }
    return node;
  }

  private static ObjectNode field(FieldSpec field, Version version) {
    ObjectNode node = switch (field.shape()) {
      case SINGLE -> value(field.value(), version);
      case LIST -> list(field, version);
      case MAP -> map(field, version);
    };
    if (field.description() != null) {
      node.put("description", field.description());
    }
    return node;
  }

  private static ObjectNode list(FieldSpec field, Version version) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "array");
    if (field.items() != null) {
      node.put("minItems", field.items().min());
      node.put("maxItems", field.items().max());
    }
    node.set("items", value(field.value(), version));
    return node;
  }

  private static ObjectNode map(FieldSpec field, Version version) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "object");
    if (field.keys() != null) {
      ArrayNode names = node.putObject("propertyNames").putArray("enum");
      for (String key : field.keys().value()) {
        names.add(key);
      }
    }
    node.set("additionalProperties", value(field.value(), version));
    return node;
  }

  private static ObjectNode value(ValueSpec value, Version version) {
    ObjectNode node = NODES.objectNode();
    switch (value.kind()) {
      case RECORD -> {
        return object(value.record(), version);
      }
      case ENUM -> {
        ArrayNode values = node.putArray("enum");
        for (Object constant : value.type().getEnumConstants()) {
          values.add(Json.mapper().convertValue(constant, String.class));
        }
      }
      case INSTANT -> node.put("type", "string").put("format", "date-time");
      case BOOLEAN -> node.put("type", "boolean");
      case STRING -> {
        node.put("type", "string");
        if (value.id()) {
          node.put("pattern", "^" + Ids.PATTERN + "$");
        }
        if (value.text() != null) {
          node.put("minLength", 1).put("maxLength", value.text().value());
        }
        if (value.pattern() != null) {
          node.put("pattern", "^" + value.pattern().value() + "$");
        }
      }
      case NUMBER, INTEGER -> {
        node.put("type", value.kind() == ValueSpec.Kind.NUMBER ? "number" : "integer");
        if (value.range() != null) {
          node.set("minimum", number(value.range().min()));
          node.set("maximum", number(value.range().max()));
        }
      }
    }
    return node;
  }

  /** Whole bounds are written as integers ({@code 500}, not {@code 500.0}). */
  private static JsonNode number(double value) {
    if (value != Math.rint(value) || Math.abs(value) >= 1e15) {
      return NODES.numberNode(value);
    }
    long whole = (long) value;
    return whole == (int) whole ? NODES.numberNode((int) whole) : NODES.numberNode(whole);
  }
}
