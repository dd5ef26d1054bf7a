package com.towerco.events.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.EventCatalog;
import com.towerco.events.Json;
import com.towerco.events.evolution.Generations;
import com.towerco.events.evolution.ShorterVisitPurpose;
import com.towerco.events.payload.site.SiteVisitScheduled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build step against the repository's released schemas: today's records pass, a new minor
 * version that adds an optional field passes, a major version with an upcaster passes and
 * bundles the old schemas, and a deliberately breaking change fails the build naming what broke.
 */
class ContractBuildTest {
  private static final Path RELEASED = Path.of("released-schemas");

  @TempDir
  Path classes;

  @Test
  void todaysRecordsMatchTheReleasedSchemasAndGetAnIndex() throws Exception {
    List<String> report = build(RELEASED).run(EventCatalog.bundled(), false);

    assertThat(report).noneMatch(line -> line.startsWith("not released"));
    assertThat(classes.resolve("schemas/site.telemetry/1.0.schema.json")).exists();
    assertThat(Json.mapper().readTree(classes.resolve(EventCatalog.INDEX).toFile())
        .path("types").size()).as("one entry per type, whatever versions it reads")
        .isEqualTo(EventCatalog.bundled().all().stream().map(t -> t.name()).distinct().count());
  }

  @Test
  void failsTheBuildWhenAReleasedVersionNarrowsAField() {
    EventCatalog broken = Generations.replacing(SiteVisitScheduled.class,
        ShorterVisitPurpose.class);

    assertThatThrownBy(() -> build(RELEASED).run(broken, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("site.visit-scheduled 1.0 was released and has changed")
        .hasMessageContaining("purpose.maxLength 200 -> 100");
  }

  @Test
  void acceptsANewMinorVersionThatAddsAnOptionalFieldAndCanReleaseIt(@TempDir Path released)
      throws Exception {
    copy(RELEASED, released);
    EventCatalog next = Generations.withTelemetry11();

    List<String> report = build(released).run(next, true);

    assertThat(report).contains("released site.telemetry 1.1");
    assertThat(released.resolve("site.telemetry/1.1.schema.json")).exists();
    assertThat(build(released).run(next, false))
        .noneMatch(line -> line.startsWith("not released"));
  }

  @Test
  void acceptsANewMajorVersionWithAnUpcasterAndBundlesTheSchemaItReadsFrom() throws Exception {
    EventCatalog v2 = Generations.withTelemetry20();

    build(RELEASED).run(v2, false);

    assertThat(classes.resolve("schemas/site.telemetry/2.0.schema.json")).exists();
    assertThat(classes.resolve("schemas/site.telemetry/1.0.schema.json")).exists();
    assertThat(Json.mapper().readTree(classes.resolve(EventCatalog.INDEX).toFile()).path("types")
        .findValues("reads").toString()).contains("[\"1.0\",\"2.0\"]");
  }

  private ContractBuild build(Path released) {
    return new ContractBuild(classes, released);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
