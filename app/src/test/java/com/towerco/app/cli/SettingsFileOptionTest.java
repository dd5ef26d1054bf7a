package com.towerco.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileOptionTest {
  @Test
  void readsSecretsFromTheSettingsFileAndLetsTheCommandLineWin(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("secrets.properties");
    Files.writeString(file, "analytics.jdbc-password = s3cret\nkpi.window=PT5M\n");
    SettingsFileOption option = new SettingsFileOption();
    option.file = file;
    assertThat(option.merge(Map.of("kpi.window", "PT1M"))).containsExactlyInAnyOrderEntriesOf(
        Map.of("analytics.jdbc-password", "s3cret", "kpi.window", "PT1M"));
  }
}
