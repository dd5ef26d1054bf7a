package com.towerco.ingest.snmp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.towerco.ingest.domain.TrapMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a trap mapping file (YAML, or JSON which is YAML too); the bundled one by default. */
public final class TrapMappingFile {
  public static final String BUNDLED = "snmp/generic-power.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private TrapMappingFile() {}

  /** The file at {@code path}, or the bundled mapping when it is null. */
  public static TrapMapping load(String path) {
    try (InputStream in = path == null
        ? TrapMappingFile.class.getClassLoader().getResourceAsStream(BUNDLED)
        : Files.newInputStream(Path.of(path))) {
      if (in == null) {
        throw new IllegalStateException(BUNDLED + " is missing from the classpath");
      }
      return new TrapMapping(YAML.readValue(in, TrapMapping.Spec.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the trap mapping "
          + (path == null ? BUNDLED : path) + ": " + e.getMessage(), e);
    }
  }
}
