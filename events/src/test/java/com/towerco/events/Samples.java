package com.towerco.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The valid sample payloads of every event type and version, one JSON file each (more where a
 * type has shapes worth testing apart): {@code src/test/resources/samples/<type>/<version>.json}
 * or {@code <version>-<what it shows>.json}, with every optional field filled. Adding an event
 * type means adding its samples here; {@code SampleCoverageTest} fails until they exist.
 */
final class Samples {
  static final String TIMESTAMP = "2026-11-27T05:00:00Z";

  private Samples() {}

  /** One sample: its event type name, version and payload. */
  record Sample(String type, String version, String file, JsonNode payload) {
    /** The whole event around the sample, as a producer writes it. */
    byte[] event() {
      return Samples.event(type, version, payload);
    }

    @Override
    public String toString() {
      return type + "/" + file;
    }
  }

  static List<Sample> all() {
    List<Sample> samples = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root())) {
      files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> {
        String file = f.getFileName().toString();
        String version = file.substring(0, file.length() - ".json".length()).split("-")[0];
        samples.add(new Sample(f.getParent().getFileName().toString(), version, file, read(f)));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return samples;
  }

  static Sample of(String type, String version) {
    return all().stream().filter(s -> s.type().equals(type) && s.version().equals(version))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no sample of " + type));
  }

  /** The site telemetry sample as a whole event. */
  static byte[] telemetry() {
    return of("site.telemetry", "1.0").event();
  }

  /** An event carrying {@code payload}, envelope fields in the ADR's order. */
  static byte[] event(String type, String version, JsonNode payload) {
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("event_id", "7d5e1c1a-3f8e-4a39-9c2e-1f0d6b8e4a21");
    event.put("event_type", type);
    event.put("tenant_id", "towerco");
    event.put("site_id", "S0001");
    event.put("timestamp", TIMESTAMP);
    event.put("version", version);
    event.set("payload", payload);
    event.putObject("metadata").put("producer", "test");
    try {
      return Json.mapper().writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path root() {
    try {
      return Path.of(Samples.class.getResource("/samples").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sample " + file, e);
    }
  }
}
