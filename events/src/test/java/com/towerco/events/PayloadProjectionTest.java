package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.events.payload.site.SiteTelemetry;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The projected read (ADR-037) gives what the full decode gives for the fields it keeps, and
 * declines (so the full decode rejects, with its reason) every record malformed in a field it
 * keeps. It accepts a record the full decode rejects only when what is wrong lies in a part it
 * skips: the case ADR-037 accepts.
 */
class PayloadProjectionTest {
  private static final int MUTATIONS_PER_SAMPLE = 3000;

  /** What the KPI calculator reads of a reading. */
  static final String[] KPI = {"mains.available", "generator.running", "fuel.levelL",
      "battery.socPct", "tenants[].tenantId", "tenants[].dcVoltageV", "tenants[].loadKw"};
  /** What the incident views' energy and fuel watches read. */
  static final String[] VIEWS = {"battery.currentA", "battery.socPct", "fuel.levelL",
      "fuel.capacityL"};

  private final EventCodec codec = new EventCodec();

  static Stream<Arguments> telemetry() {
    return Samples.all().stream()
        .filter(s -> s.type().equals("site.telemetry")
            && s.version().equals(EventTypes.of(SiteTelemetry.class).version()))
        .flatMap(s -> Stream.of(Arguments.of(s, "kpi", KPI), Arguments.of(s, "views", VIEWS)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("telemetry")
  void aValidReadingIsReadAsTheFullDecodeReadsIt(Samples.Sample sample, String who,
      String[] paths) throws Exception {
    PayloadProjection projection = PayloadProjection.of(SiteTelemetry.class, paths);
    byte[] json = sample.event();
    Envelope full = codec.decode(json);
    ProjectedEvent projected = projection.read(json);
    assertThat(projected).as("the plain case is read projected").isNotNull();
    assertSame(projection, paths, projected, full);
    PayloadProjection.Reader reader = projection.reader();
    for (byte[] next : List.of(json, "{\"event_id\":1}".getBytes(), json)) {
      ProjectedEvent reused = reader.read(next);
      if (next == json) {
        assertThat(reused).as("read again by a reader").isNotNull();
        assertSame(projection, paths, reused, full);
      } else {
        assertThat(reused).isNull();
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("telemetry")
  void aRecordMalformedInAKeptFieldIsDeclinedAndOnlySkippedPartsAreUnchecked(
      Samples.Sample sample, String who, String[] paths) throws Exception {
    PayloadProjection projection = PayloadProjection.of(SiteTelemetry.class, paths);
    List<String> kept = jsonPaths(paths);
    Envelope original = codec.decode(sample.event());
    Random random = new Random(sample.toString().hashCode() * 17L + who.hashCode());
    List<String> wrong = new ArrayList<>();
    int acceptedByBoth = 0;
    int uncheckedByProjection = 0;
    // one reader for every mutation: its parser restarted after accepted and declined records
    PayloadProjection.Reader reader = projection.reader();
    for (int i = 0; i < MUTATIONS_PER_SAMPLE; i++) {
      ObjectNode event = (ObjectNode) Json.mapper().readTree(sample.event());
      String mutation = SchemaContractTest.mutate(event, random);
      byte[] json = Json.mapper().writeValueAsBytes(event);
      ProjectedEvent projected = projection.read(json);
      ProjectedEvent reused = reader.read(json);
      if ((reused == null) != (projected == null)) {
        wrong.add(mutation + ": the reader's verdict differs from read's");
      } else if (reused != null) {
        try {
          assertSame(projection, paths, reused, projected);
        } catch (AssertionError e) {
          wrong.add(mutation + ": the reader read other values: " + e.getMessage());
        }
      }
      Envelope full;
      try {
        full = codec.decode(json);
      } catch (InvalidEventException e) {
        full = null;
      }
      if (projected == null) {
        continue; // decoded in full by the caller: the codec's verdict stands
      }
      if (full != null) {
        acceptedByBoth++;
        try {
          assertSame(projection, paths, projected, full);
        } catch (AssertionError e) {
          wrong.add(mutation + ": " + e.getMessage());
        }
        continue;
      }
      uncheckedByProjection++;
      String at = mutation.replaceFirst("^(set|remove|add unexpected_field at) ", "")
          .replaceFirst(" = .*$", "").replaceAll("\\[\\d+]", "[]");
      // the envelope's attributes are always read; metadata and skipped parts are not
      boolean inKeptField = !at.startsWith("$.payload") && !at.startsWith("$.metadata")
          || kept.stream().anyMatch(k -> at.equals(k) || at.startsWith(k + ".")
          || at.startsWith(k + "[") || k.startsWith(at + ".") || k.startsWith(at + "[")
          || at.equals("$.payload"));
      if (inKeptField) {
        wrong.add(mutation + ": accepted projected, rejected in full");
      }
      try {
        assertSame(projection, paths, projected, original);
      } catch (AssertionError e) {
        wrong.add(mutation + ": kept values changed: " + e.getMessage());
      }
    }
    assertThat(wrong).as("mutations judged wrongly by the projected read").isEmpty();
    assertThat(acceptedByBoth).as("mutations the projected read accepts").isPositive();
    assertThat(uncheckedByProjection + acceptedByBoth).isLessThan(MUTATIONS_PER_SAMPLE);
  }

  static Stream<Arguments> malformedKeptFields() {
    return Stream.of(
        Arguments.of("battery", "soc_pct", "101.5", RejectReason.SCHEMA_VIOLATION),
        Arguments.of("battery", "soc_pct", "\"97\"", RejectReason.WRONG_TYPE),
        Arguments.of("battery", "soc_pct", "null", RejectReason.WRONG_TYPE),
        Arguments.of("battery", "current_a", "-20000", RejectReason.SCHEMA_VIOLATION),
        Arguments.of("fuel", "level_l", "true", RejectReason.WRONG_TYPE),
        Arguments.of("fuel", "capacity_l", "0", RejectReason.SCHEMA_VIOLATION),
        Arguments.of("mains", "available", "1", RejectReason.WRONG_TYPE));
  }

  @ParameterizedTest(name = "{0}.{1} = {2}")
  @MethodSource("malformedKeptFields")
  void aBadValueInAKeptFieldIsDeclinedAndTheFullDecodeSaysWhy(String record, String field,
      String value, RejectReason reason) throws Exception {
    byte[] json = withValue(record, field, value);
    PayloadProjection kpi = PayloadProjection.of(SiteTelemetry.class, KPI);
    PayloadProjection views = PayloadProjection.of(SiteTelemetry.class, VIEWS);
    String path = "$.payload." + record + "." + field;
    if (jsonPaths(KPI).contains(path)) {
      assertThat(kpi.read(json)).isNull();
    }
    if (jsonPaths(VIEWS).contains(path)) {
      assertThat(views.read(json)).isNull();
    }
    assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(InvalidEventException.class)
        .extracting(e -> ((InvalidEventException) e).reason()).isEqualTo(reason);
  }

  @Test
  void aValueOutOfRangeInASkippedPartIsTheAcceptedCase() throws Exception {
    byte[] json = withValue("rectifier", "modules_ok", "999");
    assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(InvalidEventException.class);
    ProjectedEvent projected = PayloadProjection.of(SiteTelemetry.class, VIEWS).read(json);
    assertThat(projected).as("the views do not read the rectifier").isNotNull();
  }

  /**
   * ADR-044: a skipped object is skimmed, so bad syntax inside it (beyond unclosed strings and
   * brackets) is the accepted case too; the full decode still rejects it. An unclosed or
   * mismatched bracket in a skipped part is declined.
   */
  @Test
  void badSyntaxInsideASkippedObjectIsTheAcceptedCaseButUnclosedBracketsAreDeclined()
      throws Exception {
    PayloadProjection views = PayloadProjection.of(SiteTelemetry.class, VIEWS);
    String sample = new String(Samples.telemetry(), java.nio.charset.StandardCharsets.UTF_8);
    int rectifier = sample.indexOf("\"rectifier\"");
    assertThat(rectifier).isPositive();
    int inside = sample.indexOf('{', rectifier) + 1;
    byte[] doubleComma = (sample.substring(0, inside) + "\"x\":1,," + sample.substring(inside))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decode(doubleComma)).isInstanceOf(
        InvalidEventException.class);
    ProjectedEvent projected = views.read(doubleComma);
    assertThat(projected).as("the views skim the rectifier").isNotNull();
    assertThat(projected.payload().number(views.slot("battery.socPct"))).isEqualTo(
        views.read(Samples.telemetry()).payload().number(views.slot("battery.socPct")));
    for (String broken : new String[] {"\"x\":[1,", "\"x\":[1},", "\"x\":{\"y\":[]]},"}) {
      byte[] json = (sample.substring(0, inside) + broken + sample.substring(inside))
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(views.read(json)).as(broken).isNull();
      assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(InvalidEventException.class);
    }
  }

  @Test
  void aSkippedValueOfTheWrongKindUnknownFieldOrOtherEventIsDeclined() throws Exception {
    PayloadProjection views = PayloadProjection.of(SiteTelemetry.class, VIEWS);
    // in a record it reads, a value it skips is still of its kind
    assertThat(views.read(withValue("battery", "voltage_v", "\"53\""))).isNull();
    assertThat(views.read(withValue("battery", "temperature_c", "null"))).isNull();
    // a record it skips is still an object
    ObjectNode event = (ObjectNode) Json.mapper().readTree(Samples.telemetry());
    ((ObjectNode) event.get("payload")).put("rectifier", 5);
    assertThat(views.read(Json.mapper().writeValueAsBytes(event))).isNull();
    assertThat(views.read(withValue("battery", "extra", "1"))).isNull();
    assertThat(views.read(Samples.of("site.alarm", "1.0").event())).isNull();
    assertThat(views.read("not json".getBytes())).isNull();
    assertThat(views.read(new byte[0])).isNull();
  }

  @Test
  void aPathTheRecordDoesNotHaveFailsWhenDeclared() {
    assertThatThrownBy(() -> PayloadProjection.of(SiteTelemetry.class, "battery.socPercent"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("socPercent");
    assertThatThrownBy(() -> PayloadProjection.of(SiteTelemetry.class, "battery"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PayloadProjection.of(SiteTelemetry.class, "tenants.loadKw"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenants[]");
    assertThatThrownBy(() -> PayloadProjection.of(SiteTelemetry.class, VIEWS).slot("x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PayloadProjection.of(SiteAlarm.class, "state").type().name())
        .isEqualTo("site.alarm");
  }

  /** The telemetry sample's event with one payload value replaced (raw JSON). */
  private static byte[] withValue(String record, String field, String value) throws Exception {
    ObjectNode event = (ObjectNode) Json.mapper().readTree(Samples.telemetry());
    ObjectNode part = (ObjectNode) event.get("payload").get(record);
    part.set(field, Json.mapper().readTree(value));
    return Json.mapper().writeValueAsBytes(event);
  }

  /** The kept paths as JSON paths of the envelope ({@code $.payload.battery.soc_pct}). */
  private static List<String> jsonPaths(String[] paths) {
    List<String> json = new ArrayList<>();
    for (String path : paths) {
      StringBuilder b = new StringBuilder("$.payload");
      for (String part : path.split("\\.")) {
        b.append('.').append(part.replaceAll("([A-Z])", "_$1").toLowerCase());
      }
      json.add(b.toString());
    }
    return json;
  }

  /** Every kept value of {@code projected} is the full decode's, absent where it is absent. */
  private static void assertSame(PayloadProjection projection, String[] paths,
      ProjectedEvent projected, Envelope full) throws Exception {
    assertThat(projected.eventId()).isEqualTo(full.eventId());
    assertThat(projected.eventType()).isEqualTo(full.eventType());
    assertThat(projected.tenantId()).isEqualTo(full.tenantId());
    assertThat(projected.siteId()).isEqualTo(full.siteId());
    assertThat(projected.timestamp()).isEqualTo(full.timestamp());
    assertThat(projected.version()).isEqualTo(full.version());
    for (String path : paths) {
      int list = path.indexOf("[].");
      if (list < 0) {
        Object expected = value(full.payload(), path);
        PayloadProjection.Values values = projected.payload();
        int slot = projection.slot(path);
        assertThat(values.has(slot)).as(path + " present").isEqualTo(expected != null);
        if (expected != null) {
          assertThat(values.value(slot)).as(path).isEqualTo(expected);
        }
      } else {
        List<?> items = (List<?>) value(full.payload(), path.substring(0, list));
        List<PayloadProjection.Values> kept = projected.payload()
            .items(projection.slot(path.substring(0, list + 2)));
        assertThat(kept).as(path + " items").hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
          assertThat(kept.get(i).value(projection.slot(path)))
              .as(path + " item " + i)
              .isEqualTo(value(items.get(i), path.substring(list + 3)));
        }
      }
    }
  }

  /** {@code other} has every kept value of {@code projected} (the reader against read). */
  private static void assertSame(PayloadProjection projection, String[] paths,
      ProjectedEvent other, ProjectedEvent projected) {
    assertThat(other.eventId()).isEqualTo(projected.eventId());
    assertThat(other.eventType()).isEqualTo(projected.eventType());
    assertThat(other.tenantId()).isEqualTo(projected.tenantId());
    assertThat(other.siteId()).isEqualTo(projected.siteId());
    assertThat(other.timestamp()).isEqualTo(projected.timestamp());
    assertThat(other.version()).isEqualTo(projected.version());
    for (String path : paths) {
      int list = path.indexOf("[].");
      if (list < 0) {
        int slot = projection.slot(path);
        assertThat(other.payload().has(slot)).as(path).isEqualTo(projected.payload().has(slot));
        if (projected.payload().has(slot)) {
          assertThat(other.payload().value(slot)).as(path)
              .isEqualTo(projected.payload().value(slot));
        }
      } else {
        int items = projection.slot(path.substring(0, list + 2));
        List<PayloadProjection.Values> expected = projected.payload().items(items);
        List<PayloadProjection.Values> actual = other.payload().items(items);
        assertThat(actual).as(path + " items").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          assertThat(actual.get(i).value(projection.slot(path))).as(path + " item " + i)
              .isEqualTo(expected.get(i).value(projection.slot(path)));
        }
      }
    }
  }

  /** The value at a path of record components, null if a part on the way is absent. */
  private static Object value(Object record, String path) throws Exception {
    Object at = record;
    for (String part : path.split("\\.")) {
      if (at == null) {
        return null;
      }
      Method accessor = at.getClass().getMethod(part);
      at = accessor.invoke(at);
    }
    return at;
  }
}
