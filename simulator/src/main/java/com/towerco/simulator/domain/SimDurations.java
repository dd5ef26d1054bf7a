package com.towerco.simulator.domain;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in fault specs and settings: {@code 90s}, {@code 5m},
 * {@code 1h30m}, {@code 2d}, {@code 250ms}, or {@code 0}. Shorter and less error-prone on a command line than
 * ISO-8601 {@code PT1H30M}, which is accepted too.
 */
public final class SimDurations {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|[dhms]))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|[dhms])");

  private SimDurations() {}

  /** Parses a duration; throws {@link IllegalArgumentException} naming the bad text. */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    if (t.startsWith("PT") || t.startsWith("P")) {
      try {
        return Duration.parse(t);
      } catch (RuntimeException e) {
        throw bad(text);
      }
    }
    if (!WHOLE.matcher(t).matches()) {
      throw bad(text);
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        case "ms" -> Duration.ofMillis(n);
        default -> Duration.ofSeconds(n);
      });
    }
    return total;
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

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException("bad duration '" + text
        + "': use e.g. 90s, 5m, 1h30m, 2d (or ISO-8601 PT1H30M)");
  }
}
