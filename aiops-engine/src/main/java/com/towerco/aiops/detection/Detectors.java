package com.towerco.aiops.detection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detectors by name. {@link #DEFAULT} is the one tuned on the labelled series of many shapes
 * (see the module README); the others are there to compare against and for series where a
 * simpler model is wanted.
 */
public final class Detectors {
  public static final String DEFAULT = "adaptive";

  private static final Map<String, DetectorFactory> FACTORIES = new LinkedHashMap<>();

  static {
    register(AdaptiveDetector.factory(DEFAULT, "daily/weekly profile or trend baseline; "
        + "residual, level-shift, drift, variance and flatline scores (default)",
        AdaptiveDetector.Config.defaults()));
    register(EwmaDetector.factory());
    register(WindowMadDetector.factory());
  }

  private Detectors() {}

  private static void register(DetectorFactory factory) {
    FACTORIES.put(factory.name(), factory);
  }

  /** The factory registered as {@code name}. */
  public static DetectorFactory byName(String name) {
    DetectorFactory factory = FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown detector '" + name + "'; known: "
          + String.join(", ", FACTORIES.keySet()));
    }
    return factory;
  }

  public static List<DetectorFactory> all() {
    return List.copyOf(FACTORIES.values());
  }

  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }
}
