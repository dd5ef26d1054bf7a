package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CatalogDocumentTest {
  private static final Path CATALOG = Path.of("..", "docs", "events.md");

  /** Regenerate with {@code mvn -pl events test -Dcatalog.write=true} (or bin/towerco catalog). */
  @Test
  void theCommittedEventCatalogueMatchesTheSchemas() throws Exception {
    String generated = CatalogDocument.markdown();
    if (Boolean.getBoolean("catalog.write")) {
      Files.createDirectories(CATALOG.getParent());
      Files.writeString(CATALOG, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(CATALOG, StandardCharsets.UTF_8))
        .as("docs/events.md is out of date; run mvn -pl events test -Dcatalog.write=true")
        .isEqualTo(generated);
  }
}
