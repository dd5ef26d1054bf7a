package com.towerco.aiops.detection.evaluation;

import java.util.List;

/**
 * The synthetic suite's seeds: the tuning seeds the first adaptive detector was tuned on, and the
 * test seeds it was measured on (also exported as the {@code corpora/synthetic} corpus, see
 * {@link SyntheticCorpus}).
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
}
