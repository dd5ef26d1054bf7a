package com.towerco.aiops.detection.evaluation;

/**
 * The shapes of real-world series the default detector is tuned for, each with the anomalies
 * that matter on it (the kinds found in NAB and Yahoo S5 style corpora and on a tower site).
 */
public enum Shape {
  /** Daily and weekly rhythm (load, temperature): spikes, a dip at the wrong time, a shift. */
  SEASONAL("seasonal"),
  /** Steady growth with a mild daily rhythm: a trend change, a spike. */
  TRENDING("trending"),
  /** Heavy-tailed noise with frequent harmless blips: big spikes, a burst. */
  SPIKY("spiky"),
  /** Nearly constant, quantised (a counter, a setpoint): a jump, a spike. */
  FLAT("flat"),
  /** Wandering (autoregressive) and noisy: variance change, a large spike. */
  NOISY("noisy"),
  /** Piecewise constant levels with noise: the steps themselves. */
  STEP("step"),
  /** A sensor reading a seasonal quantity: stuck on one value, dropping to zero. */
  SENSOR("sensor"),
  /** Level with noise: a slow drift away (fuel vanishing, a battery fading). */
  DRIFT("drift");

  private final String label;

  Shape(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
