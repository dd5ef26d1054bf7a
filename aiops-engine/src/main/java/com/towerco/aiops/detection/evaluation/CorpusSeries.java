package com.towerco.aiops.detection.evaluation;

import java.util.Arrays;

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

  public int size() {
    return values.length;
  }
}
