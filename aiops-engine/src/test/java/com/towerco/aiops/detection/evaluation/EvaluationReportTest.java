package com.towerco.aiops.detection.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The printed table names, beside coverage, how many hits were carried in by an alarm. */
class EvaluationReportTest {

  @Test
  void eachDetectorsLineShowsItsCarriedInHitsNextToCoverage() {
    long[] times = new long[40];
    double[] values = new double[40];
    boolean[] labels = new boolean[40];
    for (int i = 0; i < 40; i++) {
      times[i] = i * 60_000L;
      labels[i] = i >= 10 && i <= 19 || i >= 30 && i <= 32;
    }
    Corpus corpus = new Corpus("tiny", List.of(
        new CorpusSeries("one", "", times, values, labels, 0)));
    boolean[] alwaysOn = new boolean[40];
    java.util.Arrays.fill(alwaysOn, 2, 40, true);
    boolean[] fresh = new boolean[40];
    fresh[12] = true;
    fresh[31] = true;
    List<CorpusEvaluation> runs = List.of(
        run("always-on", EventScore.of(labels, alwaysOn, 0, times)),
        run("fresh", EventScore.of(labels, fresh, 0, times)));

    List<String> lines = EvaluationReport.corpus(corpus, runs, false).lines().toList();

    assertThat(lines.get(1)).containsPattern("cover\\s+carried");
    // always-on: both ranges caught, both by the one event begun before their windows.
    assertThat(columns(lines.get(2))).startsWith("always-on", "1", "2", "2", "0", "0");
    assertThat(valueUnder(lines.get(1), lines.get(2), "carried")).isEqualTo("2");
    assertThat(valueUnder(lines.get(1), lines.get(3), "carried")).isEqualTo("0");
  }

  private static CorpusEvaluation run(String detector, EventScore score) {
    return new CorpusEvaluation("tiny", detector,
        List.of(new CorpusEvaluation.SeriesResult("one", "", true, score)));
  }

  private static List<String> columns(String line) {
    return List.of(line.trim().split("\\s+"));
  }

  /** The right-aligned cell ending where the header's {@code name} ends. */
  private static String valueUnder(String header, String line, String name) {
    int end = header.indexOf(name) + name.length();
    int start = end;
    while (start > 0 && line.charAt(start - 1) != ' ') {
      start--;
    }
    return line.substring(start, end);
  }
}
