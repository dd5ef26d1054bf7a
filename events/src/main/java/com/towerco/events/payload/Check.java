package com.towerco.events.payload;

import java.util.List;
import java.util.regex.Pattern;

/** Constructor guards shared by the payload records; each failure names the JSON field. */
public final class Check {
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  public static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

  private Check() {}

  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  public static String text(String value, String field, int maxLength) {
    required(value, field);
    if (value.isEmpty() || value.length() > maxLength) {
      throw new IllegalArgumentException(field + " must have 1.." + maxLength + " characters");
    }
    return value;
  }

  public static String optionalText(String value, String field, int maxLength) {
    return value == null ? null : text(value, field, maxLength);
  }

  public static String id(String value, String field) {
    required(value, field);
    if (!com.towerco.events.Ids.valid(value)) {
      throw new IllegalArgumentException(field + " must match " + ID.pattern());
    }
    return value;
  }

  public static String optionalId(String value, String field) {
    return value == null ? null : id(value, field);
  }

  public static double range(double value, double min, double max, String field) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(field + " must be within [" + min + ", " + max + "]");
    }
    return value;
  }

  public static int range(int value, int min, int max, String field) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be within [" + min + ", " + max + "]");
    }
    return value;
  }

  public static <T> List<T> list(List<T> value, String field, int minItems, int maxItems) {
    required(value, field);
    if (value.size() < minItems || value.size() > maxItems) {
      throw new IllegalArgumentException(field + " must have " + minItems + ".." + maxItems + " items");
    }
    for (T item : value) {
      required(item, field + "[]");
    }
    return List.copyOf(value);
  }

  public static java.util.Map<String, String> stringMap(java.util.Map<String, String> value,
      String field) {
    required(value, field);
    value.forEach((k, v) -> required(v, field + "." + k));
    return java.util.Map.copyOf(value);
  }

  public static List<String> idList(List<String> value, String field, int minItems, int maxItems) {
    List<String> copy = list(value, field, minItems, maxItems);
    copy.forEach(item -> id(item, field + "[]"));
    return copy;
  }

  public static String month(String value, String field) {
    required(value, field);
    if (!MONTH.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must be a month YYYY-MM");
    }
    return value;
  }

  public static java.util.Map<String, Double> numberMap(java.util.Map<String, Double> value,
      String field) {
    required(value, field);
    value.forEach((k, v) -> required(v, field + "." + k));
    return java.util.Map.copyOf(value);
  }

  public static List<String> textList(List<String> value, String field, int minItems, int maxItems,
      int maxLength) {
    List<String> copy = list(value, field, minItems, maxItems);
    copy.forEach(item -> text(item, field + "[]", maxLength));
    return copy;
  }
}
