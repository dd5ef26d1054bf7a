package com.towerco.app.cli;

import com.towerco.aiops.detection.DetectorFactory;
import com.towerco.aiops.detection.Detectors;
import com.towerco.aiops.detection.evaluation.ColdStart;
import com.towerco.aiops.detection.evaluation.CorpusEvaluations;
import com.towerco.aiops.detection.offline.CsvDetection;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code towerco detect}: the engine's anomaly detectors run offline over one series, to
 * back-test them on a historical export; also lists the detectors and scores them on folders of
 * labelled series (the real-world corpora and the synthetic suite in {@code corpora/}).
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
    description = {"Score a time series offline with the engine's own anomaly detectors.",
        "INPUT is a CSV with a header and timestamp,value columns (e.g. 2014-04-01 00:00:00,"
            + "42.5; LF or CRLF); OUTPUT gets timestamp,value,anomaly_score,alarm,view,"
            + "expected_low,expected_high, one row per input row: the score in [0, 1] (0.5 and "
            + "above is anomalous) or 'learning' while the baseline forms, alarm 1 while the "
            + "engine would alert.",
        "--evaluate scores every detector on labelled corpora (folders of timestamp,value,"
            + "label CSVs) by events: precision, recall, F1, false alarms per 1,000 points, "
            + "latency, coverage."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:scored", "1:input or output file problem", "2:bad arguments or bad input"})
public final class DetectCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT", description = "Input CSV.")
  Path input;

  @Parameters(index = "1", arity = "0..1", paramLabel = "OUTPUT", description = "Output CSV.")
  Path output;

  @Option(names = "--detector", paramLabel = "NAME", defaultValue = Detectors.DEFAULT,
      description = "Detector (default: ${DEFAULT-VALUE}); see --list.")
  String detector;

  @Option(names = "--list", description = "List the detectors and exit.")
  boolean list;

  @Option(names = "--evaluate", description = "Score every detector (or --detector NAME) on "
      + "the labelled corpora in --corpus.")
  boolean evaluate;

  @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "corpora",
      description = "With --evaluate: a folder of labelled CSVs (.csv or .csv.gz, optional "
          + "MANIFEST.tsv), or a folder of such folders (default: ${DEFAULT-VALUE}, the "
          + "repository's corpora, run from its root). Repeatable.")
  List<Path> corpora;

  @Option(names = "--warmup-rows", paramLabel = "K",
      description = "With --evaluate: feed each series only the last K rows before its first "
          + "scored row (MANIFEST test_start_row) instead of all of them: how the detectors do "
          + "on a young series (cold start). Default: all (0 with --piece-rows).")
  Integer warmUpRows;

  @Option(names = "--piece-rows", paramLabel = "H",
      description = "With --evaluate: cut each series' scored rows into young series of H rows, "
          + "each fed only the --warmup-rows rows before it (cold start, many times over).")
  Integer pieceRows;

  @Option(names = "--per-series", description = "With --evaluate: also one line per series.")
  boolean perSeries;

  @Override
  public Integer call() {
    if (list) {
      for (DetectorFactory f : Detectors.all()) {
        System.out.printf("%-12s %s%n", f.name(), f.description());
      }
      return 0;
    }
    DetectorFactory factory;
    try {
      factory = Detectors.byName(detector);
    } catch (IllegalArgumentException e) {
      return fail(2, e.getMessage());
    }
    if ((warmUpRows != null || pieceRows != null) && !evaluate
        || warmUpRows != null && warmUpRows < 0 || pieceRows != null && pieceRows < 1) {
      return fail(2, "--warmup-rows (>= 0) and --piece-rows (>= 1) go with --evaluate");
    }
    if (evaluate) {
      boolean chosen = !detector.equals(Detectors.DEFAULT);
      try {
        CorpusEvaluations.print(corpora, chosen ? List.of(factory) : Detectors.all(),
            perSeries, coldStart(), System.out);
        return 0;
      } catch (CsvDetection.InputException e) {
        return fail(2, e.getMessage());
      } catch (NoSuchFileException e) {
        return fail(1, "no such corpus folder: " + e.getFile());
      } catch (IOException e) {
        return fail(1, e.toString());
      }
    }
    if (input == null || output == null) {
      return fail(2, "expected INPUT.csv and OUTPUT.csv (see --help)");
    }
    try {
      CsvDetection.Summary summary = CsvDetection.run(input, output, factory);
      System.err.println(summary.toText() + " -> " + output);
      return 0;
    } catch (CsvDetection.InputException e) {
      return fail(2, input + ": " + e.getMessage());
    } catch (NoSuchFileException e) {
      return fail(1, "no such file: " + e.getFile());
    } catch (IOException e) {
      return fail(1, e.toString());
    }
  }

  /** The cold-start view the options ask for, or null for the corpora as published. */
  private ColdStart coldStart() {
    if (pieceRows != null) {
      return new ColdStart(warmUpRows == null ? 0 : warmUpRows, pieceRows);
    }
    return warmUpRows == null ? null : new ColdStart(warmUpRows, 0);
  }

  private static int fail(int code, String message) {
    System.err.println("towerco detect: " + message);
    return code;
  }
}
