package com.towerco.aiops.detection.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.aiops.detection.AlarmPolicy;
import com.towerco.aiops.detection.AnomalyAlarm;
import com.towerco.aiops.detection.Detector;
import com.towerco.aiops.detection.Detectors;
import com.towerco.aiops.detection.Score;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDetectionTest {
  private static final DateTimeFormatter NAB = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @TempDir
  Path dir;

  @Test
  void writesOneScoredRowPerInputRowInOrderWithTheDetectorsOwnScoresAndAlarm()
      throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,value\r\n");
    SplittableRandom random = new SplittableRandom(3);
    LocalDateTime t = LocalDateTime.of(2014, 4, 1, 0, 0);
    Detector reference = Detectors.byName("adaptive").create();
    AnomalyAlarm alarm = new AnomalyAlarm(AlarmPolicy.DEFAULT);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      t = t.plusSeconds(60 + random.nextInt(600)); // irregular spacing
      String value = String.format(Locale.ROOT, "%.3f", 20 + random.nextGaussian()
          + (i == 1_500 ? 25 : 0));
      csv.append(t.format(NAB)).append(',').append(value).append("\r\n");
      Score score = reference.observe(t.toInstant(ZoneOffset.UTC).toEpochMilli(),
          Double.parseDouble(value));
      expected.add(t.format(NAB) + "," + value + ","
          + (score.learning() ? "learning" : String.format(Locale.ROOT, "%.6f", score.score()))
          + "," + (alarm.update(score) ? 1 : 0));
    }
    StringWriter out = new StringWriter();

    CsvDetection.Summary summary = CsvDetection.run(new StringReader(csv.toString()), out,
        Detectors.byName("adaptive"));

    List<String> rows = List.of(out.toString().split("\n"));
    assertThat(rows.get(0)).isEqualTo(
        "timestamp,value,anomaly_score,alarm,view,expected_low,expected_high");
    assertThat(rows.subList(1, rows.size()).stream()
        .map(r -> String.join(",", List.of(r.split(",", -1)).subList(0, 4))))
        .containsExactlyElementsOf(expected);
    assertThat(rows.get(1)).endsWith("learning,0,,,");
    assertThat(rows.get(1_501)).contains(",1,adaptive/residual,");
    assertThat(summary.rows()).isEqualTo(2_000);
    assertThat(summary.learning()).isPositive();
    assertThat(summary.alarms()).isEqualTo(1);
  }

  @Test
  void missingValuesScoreZeroAndExtraColumnsAndAByteOrderMarkAreFine() throws IOException {
    String csv = "\uFEFFvalue,Timestamp,is_anomaly\n1.5,2014-04-01 00:00:00,0\n,2014-04-01 "
        + "00:05:00,0\nNaN,2014-04-01 00:10:00,0\n2,2014-04-01T00:15:00Z,0\n";
    StringWriter out = new StringWriter();

    CsvDetection.Summary summary = CsvDetection.run(new StringReader(csv), out,
        Detectors.byName("ewma"));

    assertThat(out.toString().split("\n")).containsExactly(
        "timestamp,value,anomaly_score,alarm,view,expected_low,expected_high",
        "2014-04-01 00:00:00,1.5,learning,0,,,", "2014-04-01 00:05:00,,0.000000,0,,,",
        "2014-04-01 00:10:00,NaN,0.000000,0,,,", "2014-04-01T00:15:00Z,2,learning,0,,,");
    assertThat(summary.missing()).isEqualTo(2);
  }

  @Test
  void badInputIsRefusedWithTheLineAndTheReason() {
    assertThat(error("time,val\n1,2\n")).contains("no 'timestamp' column");
    assertThat(error("timestamp,value\n2014-04-01 00:00:00,1\n2014-04-01 00:05:00,x1\n"))
        .contains("line 3").contains("unreadable value 'x1'");
    assertThat(error("timestamp,value\nyesterday,1\n")).contains("line 2")
        .contains("unreadable timestamp 'yesterday'");
    assertThat(error("timestamp,value\n")).contains("no rows");
    assertThat(error("")).contains("empty");
  }

  @Test
  void aFailedRunLeavesNoOutputBehind() throws IOException {
    Path input = Files.writeString(dir.resolve("in.csv"), "timestamp,value\nsoon,1\n");
    Path output = dir.resolve("out.csv");
    assertThatThrownBy(() -> CsvDetection.run(input, output, Detectors.byName("adaptive")))
        .isInstanceOf(CsvDetection.InputException.class);
    assertThat(List.of(dir.toFile().list())).containsExactly("in.csv");
  }

  @Test
  void readsEpochSecondsAndMillisecondsAndIsoTimes() {
    assertThat(Timestamps.parse("1396310400", 2)).isEqualTo(1_396_310_400_000L);
    assertThat(Timestamps.parse("1396310400000", 2)).isEqualTo(1_396_310_400_000L);
    assertThat(Timestamps.parse("2014-04-01T00:00:00+02:00", 2))
        .isEqualTo(1_396_303_200_000L);
    assertThat(Timestamps.parse("2014-04-01 00:00", 2)).isEqualTo(1_396_310_400_000L);
    assertThat(Timestamps.parse("2014-04-01 00:00:00.250", 2)).isEqualTo(1_396_310_400_250L);
  }

  private static String error(String csv) {
    try {
      CsvDetection.run(new StringReader(csv), new StringWriter(), Detectors.byName("adaptive"));
    } catch (CsvDetection.InputException e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("accepted " + csv);
  }
}
