package com.towerco.simulator.domain;

import com.towerco.platform.config.Durations;
import java.time.Duration;

/**
 * Durations as people write them in fault specs and settings (parsed by the platform's one
 * grammar, {@link Durations}): {@code 90s}, {@code 5m},
 * {@code 1h30m}, {@code 2d}, {@code 250ms}, or {@code 0}. Shorter and less error-prone on a command line than
 * ISO-8601 {@code PT1H30M}, which is accepted too.
 */
public final class SimDurations {
  private SimDurations() {}

  /** Parses a duration (the platform's one grammar, {@link Durations}). */
  public static Duration parse(String text) {
    return Durations.parse(text);
  }

  /** The shortest form {@link #parse} reads back, e.g. {@code 1h30m}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0";
    }
    StringBuilder s = new StringBuilder();
    long seconds = d.getSeconds();
    long[] units = {86_400, 3_600, 60, 1};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (seconds >= units[i]) {
        s.append(seconds / units[i]).append(names[i]);
        seconds %= units[i];
      }
    }
    if (d.getNano() >= 1_000_000) {
      s.append(d.getNano() / 1_000_000).append("ms");
    }
    return s.length() == 0 ? "0" : s.toString();
  }
}
