package com.towerco.aiops.detection.evaluation;

import com.towerco.aiops.detection.AlarmPolicy;
import com.towerco.aiops.detection.DetectorFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code towerco detect --evaluate} prints: every detector over every corpus found in the
 * given folders (a folder of series is a corpus; a folder of such folders gives each), one table
 * per corpus. The corpus {@link #HELD_OUT} was kept out of all tuning and is marked so: its
 * figures are a measurement, the others' are what the detector was tuned on or checked against.
 */
public final class CorpusEvaluations {
  /**
   * The corpus no detector constant was chosen on (ADR-032; skab under ADR-030 and 031,
   * ms-cloud-monitoring before).
   */
  public static final String HELD_OUT = "jumpstarter";

  private CorpusEvaluations() {}

  /** The corpus folders in {@code dirs}, each itself or, if it holds none, its sub-folders. */
  public static List<Path> corpusFolders(List<Path> dirs) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new java.nio.file.NoSuchFileException(dir.toString());
      }
      if (Corpus.isCorpus(dir)) {
        found.add(dir);
        continue;
      }
      try (Stream<Path> children = Files.list(dir)) {
        for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
          if (Corpus.isCorpus(child)) {
            found.add(child);
          }
        }
      }
    }
    if (found.isEmpty()) {
      throw new java.nio.file.NoSuchFileException(dirs.toString(), null,
          "no folder of labelled series");
    }
    return found;
  }

  public static void print(List<Path> dirs, List<DetectorFactory> detectors, boolean perSeries,
      PrintStream out) throws IOException {
    print(dirs, detectors, perSeries, null, out);
  }

  /**
   * As {@link #print(List, List, boolean, PrintStream)} through the {@link ColdStart} view
   * {@code coldStart} (none if null).
   */
  public static void print(List<Path> dirs, List<DetectorFactory> detectors, boolean perSeries,
      ColdStart coldStart, PrintStream out) throws IOException {
    for (Path dir : corpusFolders(dirs)) {
      Corpus corpus = coldStart == null ? Corpus.read(dir) : coldStart.apply(Corpus.read(dir));
      if (coldStart != null) {
        out.println(coldStart.describe());
      }
      List<CorpusEvaluation> runs = detectors.stream()
          .map(f -> CorpusEvaluation.run(corpus, f, AlarmPolicy.DEFAULT)).toList();
      if (corpus.name().equals(HELD_OUT)) {
        out.println("(held out: no detector constant was tuned on this corpus)");
      }
      out.print(EvaluationReport.corpus(corpus, runs, perSeries));
      out.println();
    }
  }
}
