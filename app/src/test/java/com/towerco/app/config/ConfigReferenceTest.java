package com.towerco.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.app.Towerco;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is what the build generates from the settings classes and the
 * commands: it cannot drift from them.
 */
class ConfigReferenceTest {
  private static final Path DOC = Path.of("..", "docs", "configuration.md");

  /** Regenerate with {@code -Dconfig.write=true}. */
  @Test
  void theDocumentIsTheGeneratedReference() throws Exception {
    String generated = ConfigReference.markdown(Towerco.bareCommandLine(),
        TowercoConfig.catalog());
    if (Boolean.getBoolean("config.write")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/configuration.md is out of date; run the test with -Dconfig.write=true")
        .isEqualTo(generated);
    assertThat(Path.of("target", "classes", "configuration.md")).as("written by the build")
        .hasContent(generated);
    assertThat(generated).contains("| `kpi.window` | duration | `1m` | "
        + "`TOWERCO_CFG_KPI_WINDOW` |", "| `analytics.jdbc-password` | secret | not set |",
        "| `http-port` |");
  }
}
