package com.towerco.aiops.detection.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the synthetic suite's test seeds as a corpus like the real ones ({@code corpora/
 * synthetic}: one {@code .csv.gz} per series, values rounded to 4 decimals, label 1 inside an
 * injected anomaly's window, a MANIFEST whose domain is the shape), so {@code towerco detect
 * --evaluate} scores it with the same event-level method as the real-world corpora. Run
 * {@link #main} to rewrite it; {@code SyntheticCorpusTest} checks the committed files are what the
 * generator draws.
 */
public final class SyntheticCorpus {
  private SyntheticCorpus() {}

  /** The CSV text of one series. */
  static String csv(LabelledSeries s) {
    StringBuilder out = new StringBuilder("timestamp,value,label\n");
    for (int i = 0; i < s.values().length; i++) {
      out.append(Instant.ofEpochMilli(s.times()[i])).append(',')
          .append(String.format(Locale.ROOT, "%.4f", s.values()[i])).append(',')
          .append(s.label(i)).append('\n');
    }
    return out.toString();
  }

  static String manifest(List<LabelledSeries> corpus) {
    StringBuilder out = new StringBuilder("file\tdomain\tseed\trows\ttest_start_row\tkinds\n");
    for (LabelledSeries s : corpus) {
      out.append(s.name()).append(".csv\t").append(s.shape().label()).append('\t')
          .append(s.seed()).append('\t').append(s.values().length).append("\t0\t")
          .append(String.join(";", s.windows().stream().map(LabelledSeries.Window::kind)
              .toList())).append('\n');
    }
    return out.toString();
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "corpora/synthetic");
    Files.createDirectories(dir);
    List<LabelledSeries> corpus = DetectorEvaluation.testCorpus();
    for (LabelledSeries s : corpus) {
      try (OutputStream file = Files.newOutputStream(dir.resolve(s.name() + ".csv.gz"));
          Writer out = new OutputStreamWriter(new GZIPOutputStream(file),
              StandardCharsets.UTF_8)) {
        out.write(csv(s));
      }
    }
    Files.writeString(dir.resolve("MANIFEST.tsv"), manifest(corpus));
  }
}
