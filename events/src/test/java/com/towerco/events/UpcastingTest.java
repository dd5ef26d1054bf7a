package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.evolution.Generations;
import com.towerco.events.evolution.MainsBecomesGrid;
import com.towerco.events.evolution.SiteTelemetryV2;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reader of a new major version reads every older version through the record's upcasters:
 * the JSON fixtures of site.telemetry 1.0 and 1.1 ({@code src/test/resources/upcasting}) become
 * exactly the expected 2.0 payloads ({@link MainsBecomesGrid}), and the schemas agree.
 */
class UpcastingTest {
  private final EventCatalog catalog = Generations.withTelemetry20();
  private final EventCodec codec = new EventCodec(catalog, EventCodec.DEFAULT_MAX_BYTES);
  private final EventSchemas schemas = EventSchemas.generatedFor(catalog);

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1"})
  void everyOlderVersionBecomesTheCurrentModel(String version) throws Exception {
    byte[] old = Samples.event("site.telemetry", version, fixture(version + ".json"));

    Envelope read = codec.decode(old);

    assertThat(read.version()).isEqualTo("2.0");
    assertThat(read.payload()).isInstanceOf(SiteTelemetryV2.class);
    assertThat(Json.mapper().readTree(codec.encode(read)).get("payload"))
        .isEqualTo(fixture(version + "-as-2.0.json"));
    assertThat(schemas.validate(old)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1"})
  void theCurrentVersionIsReadAsItIs(String version) throws Exception {
    JsonNode current = fixture(version + "-as-2.0.json");

    Envelope read = codec.decode(Samples.event("site.telemetry", "2.0", current));

    assertThat(Json.mapper().readTree(codec.encode(read)).get("payload")).isEqualTo(current);
  }

  private static JsonNode fixture(String file) throws Exception {
    return Json.mapper().readTree(Path.of(UpcastingTest.class
        .getResource("/upcasting/site.telemetry/" + file).toURI()).toFile());
  }
}
