package com.towerco.aiops.detection.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The committed synthetic corpus is exactly what the generator draws for the test seeds. */
class SyntheticCorpusTest {
  private static final Path DIR = Path.of("..", "corpora", "synthetic");

  @Test
  void theCommittedSyntheticCorpusIsWhatTheGeneratorDrawsForTheTestSeeds() throws IOException {
    List<LabelledSeries> corpus = DetectorEvaluation.testCorpus();
    assertThat(Files.readString(DIR.resolve("MANIFEST.tsv")))
        .isEqualTo(SyntheticCorpus.manifest(corpus));
    for (LabelledSeries s : corpus) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(
          DIR.resolve(s.name() + ".csv.gz")))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(s.name())
            .isEqualTo(SyntheticCorpus.csv(s));
      }
    }
  }

  @Test
  void theCorpusReaderReadsItBackWithItsDomainsAndLabels() throws IOException {
    Corpus corpus = Corpus.read(DIR);
    assertThat(corpus.name()).isEqualTo("synthetic");
    assertThat(corpus.series()).hasSize(DetectorEvaluation.testCorpus().size());
    LabelledSeries first = DetectorEvaluation.testCorpus().stream()
        .filter(s -> s.name().equals(corpus.series().get(0).name())).findFirst().orElseThrow();
    CorpusSeries read = corpus.series().get(0);
    assertThat(read.domain()).isEqualTo(first.shape().label());
    assertThat(read.times()).isEqualTo(first.times());
    for (int i = 0; i < read.size(); i++) {
      assertThat(read.labels()[i]).isEqualTo(first.label(i) == 1);
    }
  }
}
