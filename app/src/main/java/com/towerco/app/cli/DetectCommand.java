package com.towerco.app.cli;

import com.towerco.aiops.detection.DetectorFactory;
import com.towerco.aiops.detection.Detectors;
import com.towerco.aiops.detection.evaluation.DetectorEvaluation;
import com.towerco.aiops.detection.offline.CsvDetection;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code towerco detect}: the engine's anomaly detectors run offline over one series, to
 * back-test and tune them on a historical export; also lists the detectors and prints their
 * evaluation on the labelled series.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
    description = {"Score a time series offline with the engine's own anomaly detectors.",
        "INPUT is a CSV with a header and timestamp,value columns (e.g. 2014-04-01 00:00:00,"
            + "42.5; LF or CRLF); OUTPUT gets timestamp,value,anomaly_score, one row per input "
            + "row, scores in [0, 1] (0.5 and above is anomalous)."},
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

  @Option(names = "--evaluate", description = "Print precision, recall, F1 and time to detect "
      + "of every detector (or --detector NAME) on the labelled series of many shapes.")
  boolean evaluate;

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
    if (evaluate) {
      boolean chosen = !detector.equals(Detectors.DEFAULT);
      System.out.print(DetectorEvaluation.report(chosen ? detector : null));
      return 0;
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

  private static int fail(int code, String message) {
    System.err.println("towerco detect: " + message);
    return code;
  }
}
