package com.towerco.benchmarks;

import com.towerco.aiops.detection.AdaptiveDetector;
import com.towerco.aiops.detection.AlarmPolicy;
import com.towerco.aiops.detection.evaluation.ColdStart;
import com.towerco.aiops.detection.evaluation.Corpus;
import com.towerco.aiops.detection.evaluation.CorpusEvaluation;
import com.towerco.aiops.detection.evaluation.CorpusEvaluations;
import com.towerco.aiops.detection.evaluation.Tally;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the adaptive detector's constants and the default alarm policy were chosen: coordinate
 * descent (each knob in turn takes the candidate with the best mean event-level F1, ties keep
 * the current value) over the tuning corpora given as arguments, by default {@code corpora/smd},
 * {@code corpora/asd}, {@code corpora/ms-cloud-monitoring} (a tuning corpus since ADR-030) and
 * {@code corpora/skab} (since ADR-032, which holds out {@code corpora/jumpstarter});
 * {@code DIR@K/H} takes a corpus's cold-start view instead
 * ({@link ColdStart}: young series of H rows, each fed K rows before it), the only view in
 * which {@code residualYouth} matters. It refuses the held-out corpus
 * ({@link CorpusEvaluations#HELD_OUT}). Run from the repository root:
 * {@code java -cp benchmarks/target/benchmarks.jar com.towerco.benchmarks.DetectorTuning}.
 */
public final class DetectorTuning {
  private static final Map<String, double[]> KNOBS = new LinkedHashMap<>();

  static {
    KNOBS.put("alertSurprise", new double[] {2.5, 3, 3.5, 4, 5});
    KNOBS.put("extreme", new double[] {0.75, 0.9, 0.99});
    KNOBS.put("persist", new double[] {1, 2, 3});
    KNOBS.put("dampAfter", new double[] {1, 2, 3});
    KNOBS.put("quiet", new double[] {3, 12, 30});
    KNOBS.put("tailMemory", new double[] {1_000, 2_000, 5_000, 20_000});
    KNOBS.put("scaleAlpha", new double[] {0.002, 0.005, 0.01});
    KNOBS.put("cusumSlack", new double[] {1, 1.5, 2});
    KNOBS.put("relativeFloor", new double[] {1e-4, 1e-3, 1e-2});
    KNOBS.put("minFlatRun", new double[] {6, 12, 30});
    KNOBS.put("warmUp", new double[] {40, 100, 200});
    KNOBS.put("residualYouth", new double[] {0, 200, 500, 1_000});
    KNOBS.put("referenceStepMillis", new double[] {60_000, 300_000, 900_000});
    KNOBS.put("minWarmUp", new double[] {16, 20, 28, 40});
  }

  private DetectorTuning() {}

  public static void main(String[] args) throws IOException {
    List<Corpus> corpora = new ArrayList<>();
    for (String arg : args.length > 0 ? args : new String[] {"corpora/smd", "corpora/asd",
        "corpora/ms-cloud-monitoring", "corpora/skab"}) {
      String[] dirAndView = arg.split("@", 2);
      Corpus corpus = Corpus.read(Path.of(dirAndView[0]));
      if (corpus.name().equals(CorpusEvaluations.HELD_OUT)) {
        throw new IllegalArgumentException(corpus.name() + " is held out from all tuning");
      }
      if (dirAndView.length == 2) {
        String[] kh = dirAndView[1].split("/", 2);
        corpus = new ColdStart(Integer.parseInt(kh[0]), Integer.parseInt(kh[1])).apply(corpus);
      }
      corpora.add(corpus);
    }
    Object[] best = {AdaptiveDetector.Config.defaults(), AlarmPolicy.DEFAULT};
    double bestF1 = f1(best, corpora, "defaults");
    for (Map.Entry<String, double[]> knob : KNOBS.entrySet()) {
      for (double value : knob.getValue()) {
        Object[] trial = best.clone();
        int i = has(best[0], knob.getKey()) ? 0 : 1;
        trial[i] = with(best[i], knob.getKey(), value);
        double f1 = f1(trial, corpora, knob.getKey() + "=" + value);
        if (f1 > bestF1 + 1e-4) {
          bestF1 = f1;
          best = trial;
        }
      }
    }
    System.out.println("best: " + best[0] + " " + best[1]);
  }

  private static double f1(Object[] candidate, List<Corpus> corpora, String label) {
    StringBuilder line = new StringBuilder(label).append(':');
    double sum = 0;
    for (Corpus corpus : corpora) {
      Tally t = CorpusEvaluation.run(corpus, AdaptiveDetector.factory("tuning", "",
          (AdaptiveDetector.Config) candidate[0]), (AlarmPolicy) candidate[1]).total();
      sum += t.f1();
      line.append(String.format(Locale.ROOT, " %s F1 %.3f (P %.3f R %.3f)", corpus.name(),
          t.f1(), t.precision(), t.recall()));
    }
    System.out.println(line.append(String.format(Locale.ROOT, "; mean %.3f",
        sum / corpora.size())));
    return sum / corpora.size();
  }

  private static boolean has(Object record, String name) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** {@code record} with its component {@code name} set to {@code value}. */
  static Object with(Object record, String name, double value) {
    try {
      RecordComponent[] components = record.getClass().getRecordComponents();
      Object[] args = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        Object current = components[i].getAccessor().invoke(record);
        args[i] = !components[i].getName().equals(name) ? current
            : types[i] == int.class ? (Object) (int) value
            : types[i] == Duration.class ? Duration.ofMillis((long) value) : (Object) value;
      }
      return record.getClass().getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
