package com.towerco.aiops.detection.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The held-out corpus ({@link CorpusEvaluations#HELD_OUT}, ADR-032) is in the repository's
 * {@code corpora/} with what makes it redistributable and reproducible: its licence, the
 * converter that made it and a manifest naming every series file. Files only: no detector runs
 * on it here.
 */
class HeldOutCorpusTest {
  private static final Path HELD_OUT = Path.of("..", "corpora", CorpusEvaluations.HELD_OUT);

  @Test
  void theHeldOutCorpusIsInTheRepositoryWithItsLicenceConverterAndManifest() throws IOException {
    assertThat(Corpus.isCorpus(HELD_OUT)).isTrue();
    assertThat(HELD_OUT.resolve("convert.py")).isRegularFile();
    assertThat(HELD_OUT.resolve("README.md")).isRegularFile();
    try (Stream<Path> files = Files.list(HELD_OUT)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("LICENSE"));
    }
    String manifest = Files.readString(HELD_OUT.resolve("MANIFEST.tsv"));
    try (Stream<Path> series = Files.list(HELD_OUT)) {
      assertThat(series.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".csv.gz"))
          .map(n -> n.substring(0, n.length() - 3)))
          .hasSize(60)
          .allMatch(manifest::contains);
    }
  }
}
