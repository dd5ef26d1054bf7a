package com.towerco.aiops.detection.evaluation;

import java.util.List;

/**
 * A generated series with its ground truth: the shape it was drawn from, the seed, the points,
 * and the windows (point indices, inclusive) in which an injected anomaly should be detected.
 */
public record LabelledSeries(Shape shape, long seed, long[] times, double[] values,
    List<Window> windows) {

  /** One injected anomaly: where it starts, until when a detection counts, and what it is. */
  public record Window(int start, int end, String kind) {
    public boolean contains(int index) {
      return index >= start && index <= end;
    }
  }

  public String name() {
    return shape.label() + "-" + seed;
  }

  /** The label of point {@code i}: 1 inside an anomaly window, else 0. */
  public int label(int i) {
    for (Window w : windows) {
      if (w.contains(i)) {
        return 1;
      }
    }
    return 0;
  }
}
