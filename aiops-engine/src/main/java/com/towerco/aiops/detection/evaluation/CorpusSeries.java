package com.towerco.aiops.detection.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One labelled series of a corpus: its points in event time, the publisher's labels (true inside
 * an anomaly), the first row that is scored (rows before it only warm the detector up: the
 * unlabelled training half of SMD and ASD), and the domain it belongs to where the corpus has
 * several (empty otherwise).
 */
public record CorpusSeries(String name, String domain, long[] times, double[] values,
    boolean[] labels, int firstScored) {

  public CorpusSeries {
    if (times.length != values.length || labels.length != values.length) {
      throw new IllegalArgumentException(name + ": times, values and labels differ in length");
    }
    if (firstScored < 0 || firstScored > values.length) {
      throw new IllegalArgumentException(name + ": first scored row " + firstScored
          + " outside 0.." + values.length);
    }
  }

  /** True if some scored row is labelled; a series without one is a negative control. */
  public boolean labelled() {
    for (int i = firstScored; i < labels.length; i++) {
      if (labels[i]) {
        return true;
      }
    }
    return false;
  }

  /**
   * This series with at most {@code rows} warm-up rows before its first scored row (the last
   * ones; the earlier are dropped), so a corpus whose scoring starts after a long training half
   * can show how a detector does on a young series. Scored rows and labels are unchanged.
   */
  public CorpusSeries warmedUpWith(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("warm-up rows must be >= 0, got " + rows);
    }
    int start = Math.max(0, firstScored - rows);
    if (start == 0) {
      return this;
    }
    return new CorpusSeries(name, domain, Arrays.copyOfRange(times, start, times.length),
        Arrays.copyOfRange(values, start, values.length),
        Arrays.copyOfRange(labels, start, labels.length), firstScored - start);
  }

  /**
   * The scored part of this series cut into pieces of {@code rows} rows (the last may be
   * shorter), each a series of its own preceded by at most {@code warmUpRows} of the rows before
   * it: many young series from one long one, so that what a detector does in its first rows is
   * a large share of what is scored. Piece {@code i} is named {@code name#i}.
   */
  public List<CorpusSeries> pieces(int rows, int warmUpRows) {
    if (rows < 1 || warmUpRows < 0) {
      throw new IllegalArgumentException("pieces of >= 1 row with >= 0 warm-up rows, got "
          + rows + " and " + warmUpRows);
    }
    List<CorpusSeries> pieces = new ArrayList<>();
    for (int from = firstScored; from < values.length; from += rows) {
      int start = Math.max(0, from - warmUpRows);
      int end = (int) Math.min(values.length, (long) from + rows);
      pieces.add(new CorpusSeries(name + "#" + pieces.size(), domain,
          Arrays.copyOfRange(times, start, end), Arrays.copyOfRange(values, start, end),
          Arrays.copyOfRange(labels, start, end), from - start));
    }
    return pieces;
  }

  public int size() {
    return values.length;
  }
}
