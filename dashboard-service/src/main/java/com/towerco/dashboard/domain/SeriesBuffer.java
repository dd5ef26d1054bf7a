package com.towerco.dashboard.domain;

/**
 * A bounded time series of one metric for charts: at most one point per resolution bucket (the
 * latest reading in the bucket wins) and at most {@code capacity} buckets, so memory per series
 * is fixed whatever the telemetry rate. Late readings are put in time order. Not thread-safe.
 */
public final class SeriesBuffer {
  private final long resolutionMillis;
  private final long[] times;
  private final double[] values;
  private int head;
  private int size;

  public SeriesBuffer(int capacity, long resolutionMillis) {
    if (capacity < 2 || resolutionMillis < 1) {
      throw new IllegalArgumentException("capacity >= 2 and resolution >= 1 ms required");
    }
    this.resolutionMillis = resolutionMillis;
    this.times = new long[capacity];
    this.values = new double[capacity];
  }

  public void add(long timeMillis, double value) {
    long bucket = bucket(timeMillis);
    int i = size - 1;
    while (i >= 0 && bucket(timeAt(i)) > bucket) {
      i--;
    }
    if (i >= 0 && bucket(timeAt(i)) == bucket) {
      if (timeMillis >= timeAt(i)) {
        set(i, timeMillis, value);
      }
      return;
    }
    if (size == times.length) {
      if (i < 0) {
        return; // older than everything kept
      }
      head = (head + 1) % times.length;
      size--;
      i--;
    }
    for (int j = size; j > i + 1; j--) {
      set(j, timeAt(j - 1), valueAt(j - 1));
    }
    size++;
    set(i + 1, timeMillis, value);
  }

  public int size() {
    return size;
  }

  /** The points from {@code fromMillis} on, oldest first. */
  public Series snapshot(long fromMillis) {
    int first = 0;
    while (first < size && timeAt(first) < fromMillis) {
      first++;
    }
    long[] t = new long[size - first];
    double[] v = new double[size - first];
    for (int i = first; i < size; i++) {
      t[i - first] = timeAt(i);
      v[i - first] = valueAt(i);
    }
    return new Series(t, v);
  }

  private long bucket(long timeMillis) {
    return Math.floorDiv(timeMillis, resolutionMillis);
  }

  private long timeAt(int i) {
    return times[(head + i) % times.length];
  }

  private double valueAt(int i) {
    return values[(head + i) % values.length];
  }

  private void set(int i, long time, double value) {
    times[(head + i) % times.length] = time;
    values[(head + i) % values.length] = value;
  }

  /** Columns as charting libraries take them: epoch milliseconds and values. */
  public record Series(long[] t, double[] v) {}
}
