package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec's checks (Jackson plus each record's contract) and the JSON Schemas the build
 * derives from the same records must agree: for thousands of mutations of every valid sample
 * (fields removed, nulled, retyped, pushed out of range, unknown fields added), the codec
 * accepts an event exactly when the networknt validator does.
 */
class SchemaContractTest {
  private static final int MUTATIONS_PER_TYPE = 1500;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final EventCodec codec = new EventCodec();
  private final EventSchemas schemas = new EventSchemas();

  static List<Samples.Sample> samples() {
    return Samples.all();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void codecAndSchemaAgreeOnEveryMutation(Samples.Sample sample) throws Exception {
    byte[] valid = sample.event();
    Random random = new Random(sample.toString().hashCode());
    int rejected = 0;
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < MUTATIONS_PER_TYPE; i++) {
      ObjectNode event = (ObjectNode) Json.mapper().readTree(valid);
      String mutation = mutate(event, random);
      byte[] json = Json.mapper().writeValueAsBytes(event);
      List<String> problems = schemas.validate(json);
      String codecVerdict;
      try {
        codec.decode(json);
        codecVerdict = null;
      } catch (InvalidEventException e) {
        codecVerdict = e.reason() + ": " + e.detail();
        rejected++;
      }
      if (problems.isEmpty() != (codecVerdict == null)) {
        disagreements.add(mutation + "\n  schema: " + problems + "\n  codec: " + codecVerdict);
      }
    }
    assertThat(disagreements).as("mutations the codec and the schema judge differently")
        .isEmpty();
    assertThat(rejected).as("the mutations do break events").isGreaterThan(MUTATIONS_PER_TYPE / 2);
  }

  static String mutate(ObjectNode event, Random random) {
    List<Location> locations = new ArrayList<>();
    collect(event, "$", locations);
    Location at = locations.get(random.nextInt(locations.size()));
    JsonNode replacement = switch (random.nextInt(12)) {
      case 0 -> null;
      case 1 -> NODES.nullNode();
      case 2 -> NODES.textNode("x");
      case 3 -> NODES.numberNode(random.nextInt(3) - 1);
      case 4 -> NODES.numberNode(random.nextBoolean() ? 1e9 : -1e9);
      case 5 -> NODES.numberNode(random.nextDouble() * 200 - 50);
      case 6 -> NODES.booleanNode(random.nextBoolean());
      case 7 -> NODES.objectNode().put("unknown", 1);
      case 8 -> NODES.arrayNode();
      case 9 -> NODES.textNode(random.nextBoolean() ? "" : "bad id!");
      case 10 -> NODES.textNode("2026-13-45T99:00:00Z");
      default -> NODES.textNode("y".repeat(70 + random.nextInt(2000)));
    };
    if (at.container instanceof ObjectNode object && random.nextInt(8) == 0) {
      object.put("unexpected_field", 1);
      return "add unexpected_field at " + at.path;
    }
    if (at.container instanceof ObjectNode object) {
      if (replacement == null) {
        object.remove(at.field);
      } else {
        object.set(at.field, replacement);
      }
    } else if (at.container instanceof ArrayNode array) {
      if (replacement == null) {
        array.remove(at.index);
      } else {
        array.set(at.index, replacement);
      }
    }
    return (replacement == null ? "remove " : "set ") + at.path
        + (replacement == null ? "" : " = " + abbreviate(replacement.toString()));
  }

  private static void collect(JsonNode node, String path, List<Location> into) {
    if (node instanceof ObjectNode object) {
      object.fieldNames().forEachRemaining(field -> {
        into.add(new Location(object, field, -1, path + "." + field));
        collect(object.get(field), path + "." + field, into);
      });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        into.add(new Location(array, null, i, path + "[" + i + "]"));
        collect(array.get(i), path + "[" + i + "]", into);
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  private record Location(JsonNode container, String field, int index, String path) {}
}
