package com.towerco.app.cli;

import com.towerco.app.config.TowercoConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Service settings from a file ({@code key=value} lines), for secrets such as
 * {@code analytics.jdbc-password}: what is on a command line is visible to every user of the
 * machine, a mode-600 file is not. The file may also be named in {@code $TOWERCO_SETTINGS_FILE};
 * it goes over {@code towerco.yaml}, the environment and {@code --set} win over it, and a
 * secret given with {@code --set} is refused ({@link TowercoConfig}).
 */
public final class SettingsFileOption {
  static final String ENV = "TOWERCO_SETTINGS_FILE";

  @Option(names = "--settings-file", paramLabel = "FILE",
      description = "Service settings as key=value lines, e.g. analytics.jdbc-password=... "
          + "(keep it mode 600); or name it in $" + ENV + ". --set wins.")
  Path file;

  /**
   * The service settings of this run: {@code towerco.yaml}'s and the environment's
   * ({@link TowercoConfig}), the settings file's over them and {@code fromCommandLine} over
   * all; refused with every problem named (unknown keys, bad values, a secret on the command
   * line).
   */
  Map<String, String> merge(Map<String, String> fromCommandLine) {
    return TowercoConfig.active().serviceSettings(fromFile(), fromCommandLine);
  }

  /** The settings of the file, if any. */
  Map<String, String> fromFile() {
    Path source = file != null ? file
        : System.getenv(ENV) == null || System.getenv(ENV).isBlank() ? null
        : Path.of(System.getenv(ENV));
    Map<String, String> all = new HashMap<>();
    if (source != null) {
      Properties properties = new Properties();
      try (Reader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read settings file " + source, e);
      }
      properties.stringPropertyNames().forEach(k -> all.put(k, properties.getProperty(k).trim()));
    }
    return all;
  }
}
