package com.towerco.platform.config;

import com.towerco.platform.runtime.ServiceSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One service setting, declared once next to the code that reads it: its key
 * ({@code kpi.window}), type and bounds, default and meaning. The service reads its value with
 * {@link #from}; {@code towerco.yaml}, {@code --set} and the environment are checked against
 * the same declaration ({@link SettingsCatalog}), and the configuration reference is generated
 * from it, so key, default and documentation cannot drift apart.
 */
public final class Setting<T> {
  private final String key;
  private final String type;
  private final T defaultValue;
  private final String defaultText;
  private final String description;
  private final boolean secret;
  private final Function<String, T> parser;

  private Setting(String key, String type, T defaultValue, String defaultText,
      String description, boolean secret, Function<String, T> parser) {
    if (!key.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
      throw new IllegalArgumentException("not a setting key: " + key);
    }
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.defaultText = defaultText;
    this.description = Objects.requireNonNull(description, "description");
    this.secret = secret;
    this.parser = parser;
  }

  /** A whole number in {@code [min, max]}. */
  public static Setting<Integer> integer(String key, int defaultValue, int min, int max,
      String description) {
    return new Setting<>(key, "integer " + bounds(min, max, Integer.MAX_VALUE), defaultValue,
        String.valueOf(defaultValue), description, false, text -> {
          int value;
          try {
            value = Integer.parseInt(text);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
          }
          return inRange(value, min, max);
        });
  }

  /** A long whole number in {@code [min, max]}. */
  public static Setting<Long> longValue(String key, long defaultValue, long min, long max,
      String description) {
    return new Setting<>(key, "integer " + bounds(min, max, Long.MAX_VALUE), defaultValue,
        String.valueOf(defaultValue), description, false, text -> {
          long value;
          try {
            value = Long.parseLong(text);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
          }
          if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is out of range "
                + bounds(min, max, Long.MAX_VALUE));
          }
          return value;
        });
  }

  /** A number in {@code [min, max]}. */
  public static Setting<Double> number(String key, double defaultValue, double min, double max,
      String description) {
    return new Setting<>(key, "number " + min + ".." + max, defaultValue,
        trim(defaultValue), description, false, text -> {
          double value;
          try {
            value = Double.parseDouble(text);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
          }
          if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(text + " is out of range " + min + ".." + max);
          }
          return value;
        });
  }

  /** {@code true} or {@code false}. */
  public static Setting<Boolean> bool(String key, boolean defaultValue, String description) {
    return new Setting<>(key, "boolean", defaultValue, String.valueOf(defaultValue),
        description, false, text -> switch (text.toLowerCase(Locale.ROOT)) {
          case "true" -> true;
          case "false" -> false;
          default -> throw new IllegalArgumentException("'" + text
              + "' is not true or false");
        });
  }

  /** Free text; {@code defaultValue} null means "not set". */
  public static Setting<String> text(String key, String defaultValue, String description) {
    return new Setting<>(key, "text", defaultValue, defaultValue, description, false,
        text -> text);
  }

  /** One of {@code choices} (case-insensitive; read in lower case). */
  public static Setting<String> choice(String key, String defaultValue, String description,
      String... choices) {
    List<String> allowed = List.of(choices);
    return new Setting<>(key, "one of " + String.join(", ", allowed), defaultValue,
        defaultValue, description, false, text -> {
          String value = text.toLowerCase(Locale.ROOT);
          if (!allowed.contains(value)) {
            throw new IllegalArgumentException("'" + text + "' is not one of "
                + String.join(", ", allowed));
          }
          return value;
        });
  }

  /** A positive duration in the one grammar of {@link Durations}. */
  public static Setting<Duration> duration(String key, Duration defaultValue,
      String description) {
    return new Setting<>(key, "duration", defaultValue,
        defaultValue == null ? null : Durations.format(defaultValue), description, false,
        text -> {
          Duration value = Durations.parse(text);
          if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
          }
          return value;
        });
  }

  /** A duration of zero or more in the one grammar of {@link Durations}. */
  public static Setting<Duration> durationOrZero(String key, Duration defaultValue,
      String description) {
    return new Setting<>(key, "duration (0 or more)", defaultValue,
        defaultValue.isZero() ? "0s" : Durations.format(defaultValue), description, false,
        text -> {
          Duration value = text.equals("0") ? Duration.ZERO : Durations.parse(text);
          if (value.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative");
          }
          return value;
        });
  }

  /** A duration, or {@code forever} (also {@code none}, {@code 0}): no limit, empty. */
  public static Setting<Optional<Duration>> durationOrForever(String key,
      Optional<Duration> defaultValue, String description) {
    return new Setting<>(key, "duration or forever", defaultValue,
        defaultValue.map(Durations::format).orElse("forever"), description, false, text -> {
          String t = text.toLowerCase(Locale.ROOT);
          if (t.equals("forever") || t.equals("none") || t.equals("0")) {
            return Optional.empty();
          }
          Duration value = Durations.parse(text);
          if (value.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative");
          }
          return value.isZero() ? Optional.empty() : Optional.of(value);
        });
  }

  /** An RFC 3339 instant; not set by default. */
  public static Setting<Instant> instant(String key, String description) {
    return new Setting<>(key, "time (RFC 3339)", null, null, description, false, text -> {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not an RFC 3339 time");
      }
    });
  }

  /** A comma-separated list. */
  public static Setting<List<String>> list(String key, List<String> defaultValue,
      String description) {
    return new Setting<>(key, "comma-separated list", defaultValue,
        String.join(",", defaultValue), description, false,
        text -> Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .toList());
  }

  /**
   * A secret (a password): never on the command line nor written in {@code towerco.yaml};
   * given there as {@code {env: VARIABLE}} or {@code {file: PATH}}.
   */
  public static Setting<String> secret(String key, String description) {
    return new Setting<>(key, "secret", null, null, description, true, text -> text);
  }

  /** The same setting with one more check of its value (which throws what is wrong). */
  public Setting<T> checkedBy(java.util.function.Consumer<T> check) {
    return new Setting<>(key, type, defaultValue, defaultText, description, secret, text -> {
      T value = parser.apply(text);
      check.accept(value);
      return value;
    });
  }

  /** The same setting with a default that depends on other settings, as documented. */
  public Setting<T> withDefaultText(String text) {
    return new Setting<>(key, type, defaultValue, text, description, secret, parser);
  }

  /** The value in {@code settings}, or the default; a bad value names this key. */
  public T from(ServiceSettings settings) {
    String text = settings.values().get(key);
    return text == null ? defaultValue : parse(text);
  }

  /** The value in {@code settings}, or {@code fallback} (a default computed by the caller). */
  public T orElse(ServiceSettings settings, T fallback) {
    String text = settings.values().get(key);
    return text == null ? fallback : parse(text);
  }

  /** The value of {@code text}; an {@link IllegalArgumentException} that names the key. */
  public T parse(String text) {
    try {
      return parser.apply(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage());
    }
  }

  public String key() {
    return key;
  }

  /** The type and bounds, as the reference shows them. */
  public String type() {
    return type;
  }

  /** The default as text; null when the setting is unset by default. */
  public String defaultText() {
    return defaultText;
  }

  public String description() {
    return description;
  }

  public boolean secret() {
    return secret;
  }

  /** The service section of the key: {@code kpi} of {@code kpi.window}. */
  public String section() {
    return key.substring(0, key.indexOf('.'));
  }

  @Override
  public String toString() {
    return key;
  }

  private static int inRange(int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(value + " is out of range "
          + bounds(min, max, Integer.MAX_VALUE));
    }
    return value;
  }

  private static String bounds(long min, long max, long unbounded) {
    return max == unbounded ? ">= " + min : min + ".." + max;
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
