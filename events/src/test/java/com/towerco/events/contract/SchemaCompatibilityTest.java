package com.towerco.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.EventCatalog;
import com.towerco.events.EventType;
import com.towerco.events.evolution.Generations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compatibility rules, change by change, on site.telemetry: what a minor version may do
 * (add an optional field) and what needs a major version (everything else).
 */
class SchemaCompatibilityTest {
  private static final Version V10 = new Version(1, 0);
  private static final Version V11 = new Version(1, 1);

  private final JsonNode released = schema(EventCatalog.bundled(), "1.0");
  private final JsonNode next = schema(Generations.withTelemetry11(), "1.1");

  @Test
  void anUnchangedReleaseAndAnOptionalFieldInANewMinorVersionPass() {
    assertThat(check(Map.of(V10, released.deepCopy(), V11, next))).isEmpty();
  }

  @Test
  void descriptionsMayChange() {
    ObjectNode reworded = released.deepCopy();
    reworded.put("description", "Reworded.");
    ((ObjectNode) reworded.at("/properties/mains")).put("description", "Reworded too.");

    assertThat(check(Map.of(V10, reworded))).isEmpty();
  }

  @Test
  void aReleasedVersionMayNotChangeEvenByAnOptionalField() {
    assertThat(check(Map.of(V10, next))).singleElement().asString()
        .contains("site.telemetry 1.0 was released and has changed", "grid_frequency_hz added");
  }

  @Test
  void aMinorVersionMayNotRemoveOrRetypeAField() {
    ObjectNode removed = next.deepCopy();
    ((ObjectNode) removed.get("properties")).remove("door");
    ((ArrayNode) removed.get("required")).removeAll();
    ObjectNode retyped = next.deepCopy();
    ((ObjectNode) retyped.at("/properties/battery/properties/soc_pct")).put("type", "integer");

    assertThat(check(Map.of(V10, released, V11, removed))).singleElement().asString()
        .contains("1.1 breaks site.telemetry 1.0", "door removed", "required");
    assertThat(check(Map.of(V10, released, V11, retyped))).singleElement().asString()
        .contains("battery.soc_pct.type \"number\" -> \"integer\"");
  }

  @Test
  void aMinorVersionMayNotNarrowOrWidenABoundOrAddAnEnumValue() {
    ObjectNode narrowed = next.deepCopy();
    ((ObjectNode) narrowed.at("/properties/battery/properties/soc_pct")).put("maximum", 90);
    ObjectNode widened = next.deepCopy();
    ((ArrayNode) widened.at("/properties/hvac/properties/state/enum")).add("defrost");

    assertThat(check(Map.of(V10, released, V11, narrowed))).singleElement().asString()
        .contains("battery.soc_pct.maximum 100 -> 90");
    assertThat(check(Map.of(V10, released, V11, widened))).singleElement().asString()
        .contains("hvac.state.enum");
  }

  @Test
  void aMinorVersionMayNotAddARequiredFieldNorMakeAnOptionalOneRequired() {
    ObjectNode addedRequired = next.deepCopy();
    ((ArrayNode) addedRequired.get("required")).add("grid_frequency_hz");
    ObjectNode madeRequired = next.deepCopy();
    ((ArrayNode) madeRequired.get("required")).add("solar");

    assertThat(check(Map.of(V10, released, V11, addedRequired))).singleElement().asString()
        .contains("grid_frequency_hz added as a required field");
    assertThat(check(Map.of(V10, released, V11, madeRequired))).singleElement().asString()
        .contains("required");
  }

  @Test
  void aReleasedVersionNothingReadsAnyMoreIsCaughtUnlessAnUpcasterReadsIt() {
    Map<String, Map<Version, JsonNode>> onlyV2 = Map.of("site.telemetry",
        Map.of(new Version(2, 0), next));
    Map<String, Map<Version, JsonNode>> releasedSet = Map.of("site.telemetry",
        Map.of(V10, released));

    assertThat(SchemaCompatibility.check(onlyV2, releasedSet, (name, v) -> false))
        .singleElement().asString().contains("nothing reads it any more");
    assertThat(SchemaCompatibility.check(onlyV2, releasedSet, (name, v) -> true)).isEmpty();
  }

  private List<String> check(Map<Version, JsonNode> generated) {
    return SchemaCompatibility.check(Map.of("site.telemetry", generated),
        Map.of("site.telemetry", Map.of(V10, released)), (name, version) -> false);
  }

  private static JsonNode schema(EventCatalog catalog, String version) {
    EventType type = catalog.find("site.telemetry", version).orElseThrow();
    return SchemaWriter.schema(type);
  }
}
