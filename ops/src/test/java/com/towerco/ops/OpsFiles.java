package com.towerco.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the operations files are: the ops module's own folders. */
final class OpsFiles {
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final Path PROMETHEUS = ROOT.resolve("prometheus");
  static final Path RULES = PROMETHEUS.resolve("towerco-alerts.yml");
  static final Path RULE_TESTS = PROMETHEUS.resolve("tests");
  static final Path GRAFANA = ROOT.resolve("grafana");
  static final Path DASHBOARDS = GRAFANA.resolve("dashboards");
  static final Path DOCKERFILE = ROOT.resolve("docker/Dockerfile");
  static final Path COMPOSE = ROOT.resolve("docker/compose.yaml");
  static final Path PROJECT = ROOT.getParent();

  private OpsFiles() {}

  static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
