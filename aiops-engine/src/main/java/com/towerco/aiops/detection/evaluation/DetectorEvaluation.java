package com.towerco.aiops.detection.evaluation;

import com.towerco.aiops.detection.DetectorFactory;
import com.towerco.aiops.detection.Detectors;
import java.util.List;

/**
 * The evaluation a person runs: every registered detector (or one) on the held-out test seeds,
 * which tuning never saw. Tuning ({@link Tuning}) uses seeds {@link #TUNING_SEEDS}; the report
 * uses {@link #TEST_SEEDS}; the README's numbers come from here.
 */
public final class DetectorEvaluation {
  public static final long[] TUNING_SEEDS = {1, 9};
  public static final long[] TEST_SEEDS = {101, 111};

  private DetectorEvaluation() {}

  public static List<LabelledSeries> testCorpus() {
    return SeriesGenerator.corpus(TEST_SEEDS[0], TEST_SEEDS[1]);
  }

  public static List<LabelledSeries> tuningCorpus() {
    return SeriesGenerator.corpus(TUNING_SEEDS[0], TUNING_SEEDS[1]);
  }

  /** The report text for {@code detector} (or every detector when null). */
  public static String report(String detector) {
    List<LabelledSeries> corpus = testCorpus();
    List<DetectorFactory> factories = detector == null ? Detectors.all()
        : List.of(Detectors.byName(detector));
    StringBuilder out = new StringBuilder();
    out.append(String.format("%d labelled series (%d shapes x seeds %d..%d, 14 days of 5-minute "
        + "points each, odd seeds irregular)%n%n", corpus.size(), Shape.values().length,
        TEST_SEEDS[0], TEST_SEEDS[1] - 1));
    for (DetectorFactory factory : factories) {
      out.append(Evaluation.evaluate(factory, corpus).toText()).append('\n');
    }
    return out.toString();
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("--tune")) {
      Tuning.main(args);
      return;
    }
    System.out.print(report(args.length > 0 ? args[0] : null));
  }
}
