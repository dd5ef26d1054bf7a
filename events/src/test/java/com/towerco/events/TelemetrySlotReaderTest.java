package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.payload.site.SiteTelemetry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The typed read of {@code site.telemetry} (ADR-065) accepts only what the generic direct read
 * accepts, into an equal record: on the sample, on readings with and without their optional
 * parts and with one to nine tenants, and on thousands of mutations of their values, names and
 * order (what it declines, the codec reads through the data binding: {@link DirectReadTest}).
 */
class TelemetrySlotReaderTest {
  private static final int MUTATIONS = 4000;

  @Test
  void itReadsTheRecordsFieldsByPlace() {
    assertThat(TelemetrySlotReader.APPLIES).isTrue();
  }

  @Test
  void theSampleIsReadByPlaceIntoTheRecordTheGenericReadMakes() throws Exception {
    JsonNode payload = Samples.of("site.telemetry", "1.0").payload();
    Object typed = typed(payload);
    assertThat(typed).isInstanceOf(SiteTelemetry.class).isEqualTo(generic(payload));
  }

  @Test
  void anEventInAnotherOrderIsDeclinedAndStillDecodedAsTheDataBindingDoes() throws Exception {
    ObjectNode payload = Samples.of("site.telemetry", "1.0").payload().deepCopy();
    ObjectNode battery = (ObjectNode) payload.remove("battery");
    ObjectNode reordered = payload.objectNode();
    reordered.put("soc_pct", battery.get("soc_pct").doubleValue());
    battery.fields().forEachRemaining(e -> reordered.set(e.getKey(), e.getValue()));
    payload.set("battery", reordered);
    assertThat(typed(payload)).isEqualTo("irregular");
    assertThat(generic(payload)).isInstanceOf(SiteTelemetry.class);
    byte[] event = Samples.event("site.telemetry", "1.0", payload);
    assertThat(new EventCodec().decode(event)).isEqualTo(new EventCodec(EventCatalog.bundled(),
        EventCodec.DEFAULT_MAX_BYTES, false).decode(event));
  }

  @Test
  void everyMutationIsJudgedAsTheGenericReadJudgesIt() throws Exception {
    Random random = new Random(65);
    List<String> differences = new ArrayList<>();
    int acceptedByBoth = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      ObjectNode payload = reading(random);
      String mutation = random.nextInt(4) == 0 ? "none" : mutate(payload, random);
      Object typed = typed(payload);
      Object generic = generic(payload);
      if (typed instanceof SiteTelemetry && generic instanceof SiteTelemetry) {
        acceptedByBoth++;
      }
      // typed may decline more (order), never accept differently
      if (typed instanceof SiteTelemetry && !typed.equals(generic)) {
        differences.add(mutation + "\n  typed: " + typed + "\n  generic: " + generic);
      }
      if (!(typed instanceof SiteTelemetry) && generic instanceof SiteTelemetry
          && !mutation.startsWith("reorder")) {
        differences.add(mutation + " declined by the typed read only");
      }
    }
    assertThat(differences).as("readings the typed and the generic read judge differently")
        .isEmpty();
    assertThat(acceptedByBoth).isGreaterThan(MUTATIONS / 4);
  }

  /** A valid reading: optional parts present or not, one to eight tenants. */
  private static ObjectNode reading(Random random) {
    ObjectNode payload = Samples.of("site.telemetry", "1.0").payload().deepCopy();
    for (String optional : List.of("generator", "solar", "fuel")) {
      if (random.nextBoolean()) {
        payload.remove(optional);
      }
    }
    ArrayNode tenants = payload.putArray("tenants");
    int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 9 : 3);
    for (int t = 0; t < n; t++) {
      ObjectNode feed = tenants.addObject();
      feed.put("tenant_id", "t" + t);
      feed.put("dc_voltage_v", Math.round(random.nextDouble() * 600) / 10.0);
      feed.put("load_kw", random.nextInt(30));
    }
    return payload;
  }

  private static final List<JsonNode> ODD_VALUES = List.of(
      Json.mapper().getNodeFactory().nullNode(), Json.mapper().getNodeFactory().textNode("1"),
      Json.mapper().getNodeFactory().numberNode(-1), Json.mapper().getNodeFactory()
          .numberNode(1e9), Json.mapper().getNodeFactory().numberNode(12.5),
      Json.mapper().getNodeFactory().numberNode(7), Json.mapper().getNodeFactory()
          .numberNode(3_000_000_000L), Json.mapper().getNodeFactory().booleanNode(true),
      Json.mapper().getNodeFactory().textNode("fault"), Json.mapper().getNodeFactory()
          .textNode("Bad Id"), Json.mapper().getNodeFactory().objectNode(),
      Json.mapper().getNodeFactory().arrayNode());

  /** One change: a value replaced, a field removed, added, renamed or moved; its description. */
  private static String mutate(ObjectNode payload, Random random) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(payload, objects);
    ObjectNode target = objects.get(random.nextInt(objects.size()));
    List<String> names = new ArrayList<>();
    target.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty()) {
      return "none (empty object)";
    }
    String name = names.get(random.nextInt(names.size()));
    switch (random.nextInt(5)) {
      case 0 -> {
        JsonNode value = ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
        target.set(name, value);
        return "set " + name + " = " + value;
      }
      case 1 -> {
        target.remove(name);
        return "removed " + name;
      }
      case 2 -> {
        target.put("extra_" + name, 1);
        return "added extra_" + name;
      }
      case 3 -> {
        JsonNode value = target.remove(name);
        target.set(name.toUpperCase(), value);
        return "renamed " + name;
      }
      default -> {
        JsonNode value = target.remove(name);
        target.set(name, value); // now last
        return "reordered " + name;
      }
    }
  }

  private static void collect(JsonNode node, List<ObjectNode> objects) {
    if (node instanceof ObjectNode object) {
      objects.add(object);
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      collect(it.next(), objects);
    }
  }

  private static Object typed(JsonNode payload) throws Exception {
    try (JsonParser p = parser(payload)) {
      return TelemetrySlotReader.read(p);
    } catch (DirectPayloadReader.Irregular e) {
      return "irregular";
    }
  }

  private static Object generic(JsonNode payload) throws Exception {
    try (JsonParser p = parser(payload)) {
      return DirectPayloadReader.readByContract(SiteTelemetry.class, p);
    } catch (DirectPayloadReader.Irregular e) {
      return "irregular";
    }
  }

  private static JsonParser parser(JsonNode payload) throws Exception {
    JsonParser p = Json.mapper().getFactory().createParser(
        Json.mapper().writeValueAsBytes(payload));
    p.nextToken();
    return p;
  }

}
