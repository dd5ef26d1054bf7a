package com.towerco.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * Service settings from a file ({@code key=value} lines), for secrets such as
 * {@code analytics.jdbc-password}: what is on a command line is visible to every user of the
 * machine, a mode-600 file is not. The file may also be named in {@code $TOWERCO_SETTINGS_FILE};
 * {@code --set} wins over it, and a secret given with {@code --set} is warned about.
 */
public final class SettingsFileOption {
  static final String ENV = "TOWERCO_SETTINGS_FILE";
  private static final Pattern SECRET = Pattern.compile(".*(password|secret|token|key)$");

  @Option(names = "--settings-file", paramLabel = "FILE",
      description = "Service settings as key=value lines, e.g. analytics.jdbc-password=... "
          + "(keep it mode 600); or name it in $" + ENV + ". --set wins.")
  Path file;

  /** The settings of the file (if any) with those of the command line over them. */
  Map<String, String> merge(Map<String, String> fromCommandLine) {
    fromCommandLine.keySet().stream().filter(k -> SECRET.matcher(k).matches()).forEach(k ->
        System.err.println("WARNING: --set " + k + "=... puts a secret on the command line, "
            + "where any user of this machine can read it: use --settings-file"));
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
    all.putAll(fromCommandLine);
    return all;
  }
}
