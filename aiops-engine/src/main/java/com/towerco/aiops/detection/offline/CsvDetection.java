package com.towerco.aiops.detection.offline;

import com.towerco.aiops.detection.AlarmPolicy;
import com.towerco.aiops.detection.AnomalyAlarm;
import com.towerco.aiops.detection.Detector;
import com.towerco.aiops.detection.DetectorFactory;
import com.towerco.aiops.detection.Score;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Runs a detector over one time series exported as CSV, the way an engineer back-tests it: the
 * input has a header with {@code timestamp} and {@code value} columns (others are ignored), the
 * output has {@code timestamp,value,anomaly_score,alarm,view,expected_low,expected_high}, one row
 * per input row in the same order, timestamp and value copied as they were; the score is
 * {@code learning} while the detector still forms its baseline, {@code alarm} is 1 while the
 * series' alarm is on under the default {@link AlarmPolicy} (what the engine would alert on),
 * {@code view} says which view judged the point. It is the very detector the engine runs on the
 * stream, fed the same way (event time, point by point), so its scores are the engine's scores.
 * An empty or NaN value is a missing point (score 0); anything else unreadable is an error that
 * names the line.
 */
public final class CsvDetection {
  private static final CSVFormat INPUT = CSVFormat.DEFAULT.builder().setHeader()
      .setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
  private static final CSVFormat OUTPUT = CSVFormat.DEFAULT.builder()
      .setHeader("timestamp", "value", "anomaly_score", "alarm", "view", "expected_low",
          "expected_high").setRecordSeparator("\n").get();

  private CsvDetection() {}

  /** What a run did. */
  public record Summary(String detector, long rows, long anomalous, long missing,
      long learning, long alarms, Map<String, Long> firedBy) {
    public String toText() {
      return String.format(Locale.ROOT, "scored %d rows with %s: %d learning, %d anomalous "
          + "(score >= %.1f), %d alarms, %d missing; anomalies by view: %s", rows, detector,
          learning, anomalous, Score.ANOMALOUS, alarms, missing, firedBy);
    }
  }

  public static Summary run(Path input, Path output, DetectorFactory factory) throws IOException {
    if (!Files.isRegularFile(input)) {
      throw new NoSuchFileException(input.toString(), null, "no such input file");
    }
    // Written aside and moved into place, so a failed run leaves no half-written output.
    Path partial = output.resolveSibling(output.getFileName() + ".partial");
    Summary summary;
    try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      summary = run(in, out, factory);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
    return summary;
  }

  public static Summary run(Reader input, Writer output, DetectorFactory factory)
      throws IOException {
    BufferedReader reader = new BufferedReader(input);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    Detector detector = factory.create();
    AnomalyAlarm alarm = new AnomalyAlarm(AlarmPolicy.DEFAULT);
    long rows = 0;
    long anomalous = 0;
    long missing = 0;
    long learning = 0;
    long alarms = 0;
    Map<String, Long> firedBy = new TreeMap<>();
    try (CSVParser parser = CSVParser.parse(reader, INPUT);
        CSVPrinter printer = new CSVPrinter(new BufferedWriter(output), OUTPUT)) {
      String timeColumn = column(parser, "timestamp");
      String valueColumn = column(parser, "value");
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        String time = field(record, timeColumn, line);
        String text = field(record, valueColumn, line);
        double value = Values.parse(text, line);
        Score score = detector.observe(Timestamps.parse(time, line), value);
        boolean on = alarm.update(score);
        rows++;
        missing += Double.isNaN(value) ? 1 : 0;
        learning += score.learning() ? 1 : 0;
        alarms += on && alarm.changed() ? 1 : 0;
        if (score.anomalous()) {
          anomalous++;
          firedBy.merge(score.firedBy(), 1L, Long::sum);
        }
        boolean judged = !Double.isNaN(score.expected());
        printer.printRecord(time, text, score.learning() ? "learning"
            : String.format(Locale.ROOT, "%.6f", score.score()), on ? 1 : 0,
            judged ? score.firedBy() : "", judged ? number(score.low()) : "",
            judged ? number(score.high()) : "");
      }
    } catch (UncheckedIOException e) {
      throw new InputException("unreadable CSV: " + e.getCause().getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      if (e instanceof InputException) {
        throw e;
      }
      throw new InputException("unreadable CSV: " + e.getMessage());
    }
    if (rows == 0) {
      throw new InputException("the input has a header but no rows");
    }
    return new Summary(factory.name(), rows, anomalous, missing, learning, alarms, firedBy);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6g", value);
  }

  /** A labelled series as read: times, values (NaN for a missing point) and labels. */
  public record Labelled(long[] times, double[] values, boolean[] labels) {}

  /**
   * Reads a labelled series: a header with {@code timestamp}, {@code value} and {@code label}
   * columns (label 1 inside an anomaly, 0 outside), the same timestamp and value rules as
   * {@link #run}; an unreadable row is an {@link InputException} naming its line.
   */
  public static Labelled readLabelled(Reader input) throws IOException {
    int capacity = 1 << 12;
    long[] times = new long[capacity];
    double[] values = new double[capacity];
    boolean[] labels = new boolean[capacity];
    int n = 0;
    try (CSVParser parser = CSVParser.parse(input, INPUT)) {
      String timeColumn = column(parser, "timestamp");
      String valueColumn = column(parser, "value");
      String labelColumn = column(parser, "label");
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (n == times.length) {
          capacity *= 2;
          times = java.util.Arrays.copyOf(times, capacity);
          values = java.util.Arrays.copyOf(values, capacity);
          labels = java.util.Arrays.copyOf(labels, capacity);
        }
        times[n] = Timestamps.parse(field(record, timeColumn, line), line);
        values[n] = Values.parse(field(record, valueColumn, line), line);
        String label = field(record, labelColumn, line);
        if (!label.equals("0") && !label.equals("1")) {
          throw new InputException("line " + line + ": label '" + label + "' is not 0 or 1");
        }
        labels[n++] = label.equals("1");
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new InputException("unreadable CSV: " + e.getMessage());
    }
    return new Labelled(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values, n),
        java.util.Arrays.copyOf(labels, n));
  }

  private static String column(CSVParser parser, String name) {
    if (parser.getHeaderNames().isEmpty()) {
      throw new InputException("the input is empty; expected a header with timestamp,value");
    }
    return parser.getHeaderNames().stream().filter(h -> h.equalsIgnoreCase(name)).findFirst()
        .orElseThrow(() -> new InputException("the header " + parser.getHeaderNames()
            + " has no '" + name + "' column; expected timestamp,value"));
  }

  private static String field(CSVRecord record, String column, long line) {
    if (!record.isSet(column)) {
      throw new InputException("line " + line + ": missing the '" + column + "' field");
    }
    return record.get(column);
  }

  /** Input that cannot be scored, with a message that says where and why. */
  public static final class InputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
      super(message);
    }
  }
}
