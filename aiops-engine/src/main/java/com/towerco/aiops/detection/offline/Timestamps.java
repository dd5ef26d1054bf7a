package com.towerco.aiops.detection.offline;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Reads the timestamps found in exported series: {@code 2014-04-01 00:00:00} (NAB style, with
 * optional fractions), ISO 8601 with {@code T} and an optional offset, or epoch seconds or
 * milliseconds. A time without an offset is taken as UTC.
 */
final class Timestamps {
  private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd")
      .appendLiteral(' ')
      .appendPattern("HH:mm")
      .optionalStart().appendPattern(":ss").optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .toFormatter();

  private Timestamps() {}

  static long parse(String text, long line) {
    try {
      if (text.matches("-?\\d{1,19}")) {
        long n = Long.parseLong(text);
        return Math.abs(n) < 100_000_000_000L ? n * 1000 : n;
      }
      if (text.length() > 10 && text.charAt(10) == ' ') {
        return LocalDateTime.parse(text, LOCAL).toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(text).toInstant().toEpochMilli();
      }
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new CsvDetection.InputException("line " + line + ": unreadable timestamp '" + text
          + "' (expected e.g. 2014-04-01 00:00:00, 2014-04-01T00:00:00Z or epoch seconds)");
    }
  }
}
