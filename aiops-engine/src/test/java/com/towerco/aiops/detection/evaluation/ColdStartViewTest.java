package com.towerco.aiops.detection.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.aiops.detection.AlarmPolicy;
import com.towerco.aiops.detection.Detectors;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cold-start view of a corpus: only the last K warm-up rows fed, scoring unchanged. */
class ColdStartViewTest {
  private static final long MINUTE = 60_000;

  /** 3,000 rows, scoring from row 2,000, one spike labelled at row 2,010, a little noise. */
  private static CorpusSeries series() {
    int n = 3_000;
    long[] times = new long[n];
    double[] values = new double[n];
    boolean[] labels = new boolean[n];
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < n; i++) {
      times[i] = 1_546_300_800_000L + i * MINUTE;
      values[i] = 50 + random.nextGaussian();
    }
    values[2_010] = 80;
    labels[2_010] = true;
    return new CorpusSeries("s", "d", times, values, labels, 2_000);
  }

  @Test
  void keepsTheLastKWarmUpRowsAndEveryScoredRowAsItWas() {
    CorpusSeries full = series();
    CorpusSeries cold = full.warmedUpWith(200);
    assertThat(cold.firstScored()).isEqualTo(200);
    assertThat(cold.size()).isEqualTo(1_200);
    assertThat(cold.times()[0]).isEqualTo(full.times()[1_800]);
    assertThat(Arrays.copyOfRange(cold.values(), 200, 1_200))
        .containsExactly(Arrays.copyOfRange(full.values(), 2_000, 3_000));
    assertThat(Arrays.copyOfRange(cold.labels(), 200, 1_200))
        .containsExactly(Arrays.copyOfRange(full.labels(), 2_000, 3_000));
    assertThat(full.warmedUpWith(0).firstScored()).isZero();
    assertThat(full.warmedUpWith(0).size()).isEqualTo(1_000);
    assertThat(full.warmedUpWith(5_000)).isSameAs(full);
    assertThatThrownBy(() -> full.warmedUpWith(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDetectorWithoutWarmUpIsStillLearningWhereTheWarmOneCatchesTheSpike() {
    Corpus corpus = new Corpus("c", List.of(series()));
    Tally warm = CorpusEvaluation.run(corpus, Detectors.byName(Detectors.DEFAULT),
        AlarmPolicy.DEFAULT).total();
    Tally cold = CorpusEvaluation.run(corpus.warmedUpWith(0),
        Detectors.byName(Detectors.DEFAULT), AlarmPolicy.DEFAULT).total();
    assertThat(warm.scoredRows()).isEqualTo(cold.scoredRows()).isEqualTo(1_000);
    assertThat(warm.detected()).isEqualTo(1);
    assertThat(cold.detected()).isZero(); // row 10 of a fresh series: still learning
    assertThat(corpus.warmedUpWith(0).name()).isEqualTo("c");
  }

  @Test
  void cutsTheScoredRowsIntoYoungSeriesEachWithItsOwnShortWarmUp() {
    CorpusSeries full = series();
    List<CorpusSeries> pieces = full.pieces(300, 50);
    assertThat(pieces).extracting(CorpusSeries::name)
        .containsExactly("s#0", "s#1", "s#2", "s#3");
    assertThat(pieces).extracting(CorpusSeries::firstScored).containsOnly(50);
    assertThat(pieces).extracting(CorpusSeries::size).containsExactly(350, 350, 350, 150);
    assertThat(pieces.get(1).times()[50]).isEqualTo(full.times()[2_300]);
    assertThat(pieces.stream().mapToInt(p -> p.size() - p.firstScored()).sum())
        .isEqualTo(1_000);
    assertThat(pieces.get(0).labels()[60]).isTrue(); // row 2,010 of the whole
    Corpus corpus = new ColdStart(0, 300).apply(new Corpus("c", List.of(full)));
    assertThat(corpus.series()).hasSize(4).allMatch(p -> p.firstScored() == 0);
    assertThat(new ColdStart(200, 0).apply(new Corpus("c", List.of(full))).series().get(0)
        .size()).isEqualTo(1_200);
    assertThatThrownBy(() -> full.pieces(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
