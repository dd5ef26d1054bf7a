package com.towerco.aiops.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;

/**
 * The adaptive detector's state in the formats older mains wrote, and their fixtures, for the
 * snapshot compatibility tests: v2 (cf572c0) had no per-minute view, v3 (d4f5680) had the
 * per-minute view without its departures (ADR-045).
 */
final class OlderSnapshots {
  private OlderSnapshots() {}

  /** A fixture written by an older main, next to the tests. */
  static byte[] fixture(String name) throws IOException {
    try (InputStream in = OlderSnapshots.class.getResourceAsStream(name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return in.readAllBytes();
    }
  }

  /** {@code detector}'s state written as the main of {@code version} (2 or 3) wrote it. */
  static byte[] write(Detector detector, int version) throws ReflectiveOperationException {
    Snapshot.Writer w = new Snapshot.Writer(detector.name(), version);
    ((Cadence) field(detector, "cadence")).write(w);
    ((CounterMode) field(detector, "counter")).write(w);
    ((SeasonalBaseline) field(detector, "baseline")).write(w);
    ((LevelShift) field(detector, "shift")).write(w);
    ((Flatline) field(detector, "flatline")).write(w);
    ((Drift) field(detector, "drift")).write(w);
    if (version >= 3) {
      aggregates(detector).write(w);
    }
    ((Views) field(detector, "views")).write(w);
    return w.putDouble((double) field(detector, "shortScale"))
        .putDouble((double) field(detector, "learnedSteps")).toBytes();
  }

  static StepAggregates aggregates(Detector detector) throws ReflectiveOperationException {
    return (StepAggregates) field(detector, "aggregates");
  }

  private static Object field(Detector detector, String name)
      throws ReflectiveOperationException {
    Field f = AdaptiveDetector.class.getDeclaredField(name);
    f.setAccessible(true);
    return f.get(detector);
  }
}
