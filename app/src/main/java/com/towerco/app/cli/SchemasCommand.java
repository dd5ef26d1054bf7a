package com.towerco.app.cli;

import com.towerco.events.EventTypes;
import com.towerco.platform.schemas.SchemaRegistryPublisher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code towerco schemas}: lists the bundled event schemas and their registry subjects, or
 * registers them with a Confluent-compatible schema registry ({@code schemas register}).
 */
@Command(name = "schemas", mixinStandardHelpOptions = true,
    description = "List the bundled event schemas; 'schemas register --schema-registry-url URL' "
        + "registers them with a Confluent-compatible schema registry.",
    subcommands = SchemasCommand.Register.class)
public final class SchemasCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    EventTypes.all().forEach(type -> System.out.println(type.name() + " " + type.version()
        + "  " + type.schemaResource() + "  subject " + SchemaRegistryPublisher.subject(type)));
    return 0;
  }

  /** {@code towerco schemas register}. */
  @Command(name = "register", mixinStandardHelpOptions = true,
      description = "Register every bundled event schema (one subject per type and major "
          + "version, BACKWARD_TRANSITIVE).")
  static final class Register implements Callable<Integer> {
    @Mixin
    SchemaRegistryOptions registry;

    @Override
    public Integer call() {
      if (!registry.configured()) {
        System.err.println("no registry: give --schema-registry-url or set "
            + "TOWERCO_SCHEMA_REGISTRY_URL (without one the bundled schemas are authoritative)");
        return 2;
      }
      registry.register(System.out);
      return 0;
    }
  }
}
