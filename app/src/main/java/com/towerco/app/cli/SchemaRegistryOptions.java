package com.towerco.app.cli;

import com.towerco.platform.schemas.SchemaRegistryPublisher;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The optional Confluent-compatible schema registry: when a URL is given (or
 * {@code TOWERCO_SCHEMA_REGISTRY_URL} is set), the bundled schemas are registered there; without
 * one the bundled schemas are authoritative. See docs/schema-evolution.md.
 */
public final class SchemaRegistryOptions {
  @Option(names = "--schema-registry-url", paramLabel = "URL",
      defaultValue = "${env:TOWERCO_SCHEMA_REGISTRY_URL}",
      description = "Register the event schemas with this Confluent-compatible registry first "
          + "(user:password@ in the URL for basic auth; default: $TOWERCO_SCHEMA_REGISTRY_URL).")
  URI registryUrl;

  boolean configured() {
    return registryUrl != null && !registryUrl.toString().isBlank();
  }

  /** Registers every bundled schema; a refusal is an exception naming subject and reason. */
  List<SchemaRegistryPublisher.Registered> register(PrintStream out) {
    List<SchemaRegistryPublisher.Registered> registered =
        new SchemaRegistryPublisher(registryUrl, Duration.ofSeconds(10)).publish();
    out.println("registered " + registered.size() + " event schemas with " + registryUrl.getHost()
        + " (" + registered.stream().map(SchemaRegistryPublisher.Registered::subject).distinct()
        .count() + " subjects, " + SchemaRegistryPublisher.COMPATIBILITY + ")");
    return registered;
  }
}
