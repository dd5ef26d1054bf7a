package com.towerco.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DetectCommandTest {
  @TempDir
  Path dir;

  private int detect(String... args) {
    return new CommandLine(new DetectCommand()).execute(args);
  }

  @Test
  void scoresACsvIntoOneRowPerInputRow() throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,value\r\n");
    for (int i = 0; i < 200; i++) {
      csv.append(String.format("2014-04-01 %02d:%02d:00,%d\r\n", i / 60, i % 60,
          i == 150 ? 500 : 10 + i % 3));
    }
    Path in = Files.writeString(dir.resolve("in.csv"), csv);
    Path out = dir.resolve("out.csv");

    assertThat(detect(in.toString(), out.toString(), "--detector", "ewma")).isZero();

    List<String> rows = Files.readAllLines(out);
    assertThat(rows).hasSize(201);
    assertThat(rows.get(0)).isEqualTo(
        "timestamp,value,anomaly_score,alarm,view,expected_low,expected_high");
    assertThat(rows.get(1)).startsWith("2014-04-01 00:00:00,10,learning,0");
    assertThat(rows.get(151)).startsWith("2014-04-01 02:30:00,500,");
    assertThat(Double.parseDouble(rows.get(151).split(",")[2])).isGreaterThan(0.9);
  }

  @Test
  void evaluatesEveryDetectorOnAFolderOfLabelledSeriesByEvents() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("tiny"));
    for (int s = 0; s < 2; s++) {
      StringBuilder csv = new StringBuilder("timestamp,value,label\n");
      for (int i = 0; i < 600; i++) {
        boolean spike = s == 0 && i == 500;
        csv.append(String.format("2014-04-01T%02d:%02d:00Z,%d,%d%n", i / 60, i % 60,
            spike ? 900 : 10 + i % 3, spike ? 1 : 0));
      }
      Files.writeString(corpus.resolve("series-" + s + ".csv"), csv);
    }
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stdout = System.out;
    System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(detect("--evaluate", "--corpus", corpus.toString())).isZero();
    } finally {
      System.setOut(stdout);
    }
    String table = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(table).contains("corpus tiny: 2 series (1 unlabelled), 1,200 scored rows");
    assertThat(table).contains("adaptive").contains("ewma").contains("window-mad");
    assertThat(detect("--evaluate", "--corpus", dir.resolve("none").toString())).isEqualTo(1);
  }

  @Test
  void evaluatesACorpusColdWithOnlyTheLastKWarmUpRows() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("halves"));
    StringBuilder csv = new StringBuilder("timestamp,value,label\n");
    for (int i = 0; i < 1_000; i++) {
      csv.append(String.format("2019-01-01T%02d:%02d:00Z,%d,0%n", i / 60, i % 60, 10 + i % 3));
    }
    Files.writeString(corpus.resolve("a.csv"), csv);
    Files.writeString(corpus.resolve("MANIFEST.tsv"), "file\ttest_start_row\na.csv\t600\n");
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stdout = System.out;
    System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(detect("--evaluate", "--corpus", corpus.toString(), "--warmup-rows", "200"))
          .isZero();
    } finally {
      System.setOut(stdout);
    }
    String table = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(table).contains("(cold start: at most 200 warm-up rows fed before scoring)")
        .contains("corpus halves: 1 series (1 unlabelled), 400 scored rows");
    assertThat(detect("--evaluate", "--corpus", corpus.toString(), "--warmup-rows", "-1"))
        .isEqualTo(2);
    assertThat(detect("--warmup-rows", "10")).isEqualTo(2);
    assertThat(detect("--evaluate", "--corpus", corpus.toString(), "--piece-rows", "0"))
        .isEqualTo(2);
  }

  @Test
  void badInputUnknownDetectorsAndMissingFilesExitNonZero() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "timestamp,value\nnever,1\n");
    Path out = dir.resolve("out.csv");
    assertThat(detect(bad.toString(), out.toString())).isEqualTo(2);
    assertThat(detect(bad.toString(), out.toString(), "--detector", "nope")).isEqualTo(2);
    assertThat(detect(dir.resolve("missing.csv").toString(), out.toString())).isEqualTo(1);
    assertThat(detect(bad.toString())).isEqualTo(2);
    assertThat(out).doesNotExist();
  }
}
