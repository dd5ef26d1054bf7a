package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.detection.evaluation.DetectorEvaluation;
import com.towerco.aiops.detection.evaluation.Evaluation;
import com.towerco.aiops.detection.evaluation.LabelledSeries;
import com.towerco.aiops.detection.evaluation.SeriesGenerator;
import com.towerco.aiops.detection.evaluation.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards the tuned default against regressions on the held-out test seeds: it must keep the
 * quality reported in the README and beat the simple baselines.
 */
class DefaultDetectorEvaluationTest {
  private static final List<LabelledSeries> TEST = DetectorEvaluation.testCorpus();

  @Test
  void theDefaultDetectorFindsMostAnomaliesWithFewFalseAlarmsOnSeriesItWasNotTunedOn() {
    Evaluation.Report report = Evaluation.evaluate(Detectors.byName(Detectors.DEFAULT), TEST);
    assertThat(report.overall().f1()).isGreaterThan(0.85);
    assertThat(report.overall().recall()).isGreaterThan(0.9);
    assertThat(report.overall().falseAlarmsPerDay()).isLessThan(0.05);
    report.byShape().forEach((shape, m) -> assertThat(m.f1()).as(shape).isGreaterThan(0.6));
  }

  @Test
  void theDefaultDetectorBeatsTheSimpleBaselines() {
    double adaptive = Evaluation.evaluate(Detectors.byName("adaptive"), TEST).overall().f1();
    assertThat(adaptive).isGreaterThan(
        Evaluation.evaluate(Detectors.byName("ewma"), TEST).overall().f1() + 0.2);
    assertThat(adaptive).isGreaterThan(
        Evaluation.evaluate(Detectors.byName("window-mad"), TEST).overall().f1() + 0.2);
  }

  @Test
  void aDailyRhythmIsLearnedSoANormalValueAtTheWrongTimeOfDayIsAnomalous() {
    for (long seed = 101; seed < 105; seed++) {
      LabelledSeries series = SeriesGenerator.generate(Shape.SEASONAL, seed);
      LabelledSeries.Window contextual = series.windows().stream()
          .filter(w -> w.kind().equals("contextual")).findFirst().orElseThrow();
      Detector detector = Detectors.byName(Detectors.DEFAULT).create();
      boolean found = false;
      for (int i = 0; i < series.values().length; i++) {
        Score score = detector.observe(series.times()[i], series.values()[i]);
        found |= contextual.contains(i) && score.anomalous();
      }
      assertThat(found).as("seed %d", seed).isTrue();
    }
  }

  @Test
  void theSeriesGeneratorIsDeterministic() {
    LabelledSeries a = SeriesGenerator.generate(Shape.NOISY, 7);
    LabelledSeries b = SeriesGenerator.generate(Shape.NOISY, 7);
    assertThat(a.values()).isEqualTo(b.values());
    assertThat(a.times()).isEqualTo(b.times());
    assertThat(a.windows()).isEqualTo(b.windows());
  }
}
