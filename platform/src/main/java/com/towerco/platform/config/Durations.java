package com.towerco.platform.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of every setting and of the simulator's fault specs: ISO-8601
 * ({@code PT5M}, {@code P7D}) or whole numbers with units ({@code 250ms}, {@code 30s},
 * {@code 5m}, {@code 12h}, {@code 7d}, {@code 1h30m}); {@code 0} is zero.
 */
public final class Durations {
  public static final String GRAMMAR = "ISO-8601 (PT5M, P7D) or numbers with units "
      + "(250ms, 30s, 5m, 12h, 7d, 1h30m)";
  private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,12}(?:ms|[dhms]))+");
  private static final Pattern PART = Pattern.compile("(\\d{1,12})(ms|[dhms])");

  private Durations() {}

  /** The duration, or an {@link IllegalArgumentException} that quotes the grammar. */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    if (WHOLE.matcher(t).matches()) {
      Duration total = Duration.ZERO;
      Matcher m = PART.matcher(t);
      while (m.find()) {
        long n = Long.parseLong(m.group(1));
        total = total.plus(switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        });
      }
      return total;
    }
    try {
      return Duration.parse(t.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: " + GRAMMAR);
    }
  }

  /** The shortest text {@link #parse} reads back as {@code d} ({@code 5m}, {@code 90s}). */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0 && ms > 0) {
      return ms / 86_400_000 + "d";
    } else if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    } else if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    } else if (ms % 1_000 == 0) {
      return ms / 1_000 + "s";
    }
    return ms + "ms";
  }
}
