package com.towerco.aiops.detection.evaluation;

import com.towerco.aiops.detection.AdaptiveDetector;
import com.towerco.aiops.detection.AdaptiveDetector.Config;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tunes the adaptive detector by coordinate descent on the tuning seeds only: each constant in
 * turn takes the candidate value that gives the best overall F1 (ties keep the current value),
 * for two passes; then the result is measured once on the held-out test seeds. The defaults in
 * {@link Config#defaults()} are what this printed.
 */
public final class Tuning {
  private static final Map<String, double[]> CANDIDATES = new LinkedHashMap<>();

  static {
    CANDIDATES.put("alpha", new double[] {0.03, 0.05, 0.1, 0.2, 0.3});
    CANDIDATES.put("seasonalLevelMillis", new double[] {3_600_000, 3 * 3_600_000,
        6 * 3_600_000, 12 * 3_600_000});
    CANDIDATES.put("scaleAlpha", new double[] {0.005, 0.01, 0.02, 0.05});
    CANDIDATES.put("alertZ", new double[] {4, 4.5, 5, 6, 7, 8});
    CANDIDATES.put("cusumSlack", new double[] {0.5, 1, 1.5, 2});
    CANDIDATES.put("cusumAlert", new double[] {6, 8, 10, 14, 20});
    CANDIDATES.put("varianceAlert", new double[] {2, 2.5, 3, 4, 1e9});
    CANDIDATES.put("trendAlert", new double[] {3, 4, 5, 6, 8, 1e9});
    CANDIDATES.put("clip", new double[] {2, 3, 4});
    CANDIDATES.put("beta", new double[] {0, 0.01, 0.02, 0.05});
    CANDIDATES.put("minFlatRun", new double[] {6, 8, 12, 20});
    CANDIDATES.put("dayMemory", new double[] {2, 4, 8});
  }

  private Tuning() {}

  public static Config tune(Config start, List<LabelledSeries> corpus, int passes) {
    Config best = start;
    double bestF1 = f1(best, corpus);
    for (int pass = 0; pass < passes; pass++) {
      for (Map.Entry<String, double[]> knob : CANDIDATES.entrySet()) {
        for (double candidate : knob.getValue()) {
          Config trial = with(best, knob.getKey(), candidate);
          double f1 = f1(trial, corpus);
          if (f1 > bestF1 + 1e-9) {
            bestF1 = f1;
            best = trial;
            System.out.printf(Locale.ROOT, "pass %d %s=%s -> tuning F1 %.3f%n", pass,
                knob.getKey(), candidate, f1);
          }
        }
      }
    }
    return best;
  }

  /** {@code config} with the component {@code name} set to {@code value}. */
  static Config with(Config config, String name, double value) {
    try {
      RecordComponent[] components = Config.class.getRecordComponents();
      Object[] args = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        Object current = components[i].getAccessor().invoke(config);
        boolean target = components[i].getName().equals(name);
        args[i] = !target ? current : types[i] == int.class ? (int) value : (Object) value;
      }
      return Config.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static double f1(Config config, List<LabelledSeries> corpus) {
    return Evaluation.evaluate(AdaptiveDetector.factory("tuning", "", config), corpus)
        .overall().f1();
  }

  public static void main(String[] args) {
    List<LabelledSeries> tuning = DetectorEvaluation.tuningCorpus();
    Config start = Config.defaults();
    System.out.printf(Locale.ROOT, "defaults: tuning F1 %.3f%n", f1(start, tuning));
    Config tuned = tune(start, tuning, 2);
    System.out.println("tuned: " + tuned);
    System.out.println(Evaluation.evaluate(AdaptiveDetector.factory("tuned", "", tuned),
        tuning).toText());
    System.out.println("held-out test seeds:");
    System.out.println(Evaluation.evaluate(AdaptiveDetector.factory("tuned", "", tuned),
        DetectorEvaluation.testCorpus()).toText());
  }
}
