package com.towerco.aiops.detection.evaluation;

import com.towerco.aiops.detection.offline.CsvDetection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A folder of labelled series: one CSV per series ({@code timestamp,value,label}, label 1 inside
 * an anomaly; {@code .csv} or gzip-compressed {@code .csv.gz}), optionally with a
 * {@code MANIFEST.tsv} whose {@code test_start_row} column says where scoring starts (rows before
 * it are warm-up) and whose {@code domain} column groups the series. Without a manifest every
 * row is scored and there are no domains. Values and timestamps are read by the same rules as
 * {@code towerco detect} ({@link CsvDetection#readLabelled}).
 */
public record Corpus(String name, List<CorpusSeries> series) {

  public Corpus {
    series = List.copyOf(series);
  }

  /** Reads every series in {@code dir}, in file name order. */
  public static Corpus read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no such corpus folder");
    }
    Map<String, Map<String, String>> manifest = manifest(dir.resolve("MANIFEST.tsv"));
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> isSeries(p.getFileName().toString())).sorted().toList();
    }
    List<CorpusSeries> series = new ArrayList<>();
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      String csvName = fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3)
          : fileName;
      Map<String, String> entry = manifest.getOrDefault(csvName, Map.of());
      String name = csvName.substring(0, csvName.length() - ".csv".length());
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = fileName.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
          BufferedReader reader = new BufferedReader(new InputStreamReader(in,
              StandardCharsets.UTF_8), 1 << 16)) {
        CsvDetection.Labelled rows = CsvDetection.readLabelled(reader);
        int firstScored = Integer.parseInt(entry.getOrDefault("test_start_row", "0"));
        series.add(new CorpusSeries(name, entry.getOrDefault("domain", ""), rows.times(),
            rows.values(), rows.labels(), firstScored));
      } catch (CsvDetection.InputException e) {
        throw new CsvDetection.InputException(file + ": " + e.getMessage());
      }
    }
    if (series.isEmpty()) {
      throw new CsvDetection.InputException(dir + ": no *.csv or *.csv.gz series in it");
    }
    return new Corpus(dir.toAbsolutePath().normalize().getFileName().toString(), series);
  }

  /**
   * This corpus with every series' warm-up cut to its last {@code rows} rows
   * ({@link CorpusSeries#warmedUpWith}): a cold-start view of a corpus scored after a training
   * half (SMD, ASD); a corpus scored from its first row is unchanged.
   */
  public Corpus warmedUpWith(int rows) {
    return new Corpus(name, series.stream().map(s -> s.warmedUpWith(rows)).toList());
  }

  /**
   * This corpus with every series' scored part cut into young series of {@code rows} rows, each
   * fed at most {@code warmUpRows} rows before it ({@link CorpusSeries#pieces}): the cold-start
   * view that makes a detector's first rows a large share of what is scored.
   */
  public Corpus inPieces(int rows, int warmUpRows) {
    return new Corpus(name, series.stream().flatMap(s -> s.pieces(rows, warmUpRows).stream())
        .toList());
  }

  /** True if {@code dir} holds series itself (rather than corpus folders). */
  public static boolean isCorpus(Path dir) throws IOException {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.anyMatch(p -> isSeries(p.getFileName().toString()));
    }
  }

  private static boolean isSeries(String fileName) {
    return fileName.endsWith(".csv") || fileName.endsWith(".csv.gz");
  }

  private static Map<String, Map<String, String>> manifest(Path tsv) throws IOException {
    Map<String, Map<String, String>> rows = new HashMap<>();
    if (!Files.isRegularFile(tsv)) {
      return rows;
    }
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return rows;
    }
    String[] header = lines.get(0).split("\t", -1);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t", -1);
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.length && c < cells.length; c++) {
        row.put(header[c], cells[c]);
      }
      if (row.containsKey("file")) {
        rows.put(row.get("file"), row);
      }
    }
    return rows;
  }
}
