package com.towerco.aiops.detection.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation table a person reads: per corpus one line per detector (precision, recall, F1,
 * false alarms per 1,000 points, latency median and 90th percentile in rows and in time, alarm
 * coverage, the caught ranges caught only by an alarm already on before their window ("carried":
 * how much of TP, and so of F1, rule 5's touching credit gives), false alarms per 1,000 points on
 * the unlabelled series), then per domain where the corpus has domains, and per series on request.
 */
public final class EvaluationReport {
  private static final String HEADER = String.format(Locale.ROOT,
      "%-26s %6s %6s %5s %5s %5s %6s %6s %6s %7s %13s %13s %7s %7s %8s%n", "", "series",
      "ranges", "TP", "FN", "FP", "P", "R", "F1", "FA/1k", "lat med rows", "lat p90 rows", "cover",
      "carried", "ctl FA/1k");

  private EvaluationReport() {}

  /** The table for one corpus, every detector's results in {@code runs}. */
  public static String corpus(Corpus corpus, List<CorpusEvaluation> runs, boolean perSeries) {
    StringBuilder out = new StringBuilder();
    long rows = corpus.series().stream().mapToLong(s -> s.size() - s.firstScored()).sum();
    long controls = corpus.series().stream().filter(s -> !s.labelled()).count();
    out.append(String.format(Locale.ROOT, "corpus %s: %d series (%d unlabelled), %,d scored "
        + "rows%n", corpus.name(), corpus.series().size(), controls, rows));
    out.append(HEADER);
    for (CorpusEvaluation run : runs) {
      out.append(line(run.detector(), run.total(), run.negativeControls()));
    }
    if (!runs.isEmpty() && !runs.get(0).byDomain().isEmpty()) {
      for (String domain : runs.get(0).byDomain().keySet()) {
        out.append(String.format(Locale.ROOT, "  domain %s%n", domain));
        for (CorpusEvaluation run : runs) {
          Map<String, Tally> domains = run.byDomain();
          out.append(line("    " + run.detector(), domains.get(domain), null));
        }
      }
    }
    if (perSeries) {
      for (CorpusEvaluation run : runs) {
        out.append(String.format(Locale.ROOT, "  per series, %s%n", run.detector()));
        for (CorpusEvaluation.SeriesResult r : run.series()) {
          out.append(line("    " + r.name(), Tally.of(r.score()), null));
        }
      }
    }
    return out.toString();
  }

  private static String line(String name, Tally t, Tally controls) {
    return String.format(Locale.ROOT,
        "%-26s %6d %6d %5d %5d %5d %6s %6.3f %6.3f %7.3f %13s %13s %7.4f %7d %8s%n", name,
        t.series(), t.ranges(), t.detected(), t.missed(), t.falseAlarms(),
        Double.isNaN(t.precision()) ? "n/a" : String.format(Locale.ROOT, "%.3f", t.precision()),
        Double.isNaN(t.recall()) ? 0 : t.recall(), t.f1(), t.falseAlarmsPerThousand(),
        latency(t, 0.5), latency(t, 0.9), t.coverage(), t.carriedIn(), controls == null ? ""
            : controls.series() == 0 ? "-"
            : String.format(Locale.ROOT, "%.3f", controls.falseAlarmsPerThousand()));
  }

  private static String latency(Tally t, double q) {
    double rows = t.latencyRows(q);
    if (Double.isNaN(rows)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.0f (%s)", rows, duration(t.latencyMillis(q)));
  }

  private static String duration(double millis) {
    double minutes = millis / 60_000;
    if (Math.abs(minutes) < 120) {
      return String.format(Locale.ROOT, "%.0fm", minutes);
    }
    return String.format(Locale.ROOT, "%.1fh", minutes / 60);
  }
}
