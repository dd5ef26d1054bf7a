package com.towerco.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** RFC 3339 date-times (JSON Schema's {@code date-time}), always written in UTC with a {@code Z}. */
public final class Rfc3339 {
  private Rfc3339() {}

  public static String format(Instant instant) {
    return instant.toString();
  }

  /** Parses an RFC 3339 date-time with a mandatory offset; rejects anything else. */
  public static Instant parse(String text) {
    if (text.length() < 20 || text.charAt(10) != 'T' && text.charAt(10) != 't'
        || text.charAt(16) != ':') {
      throw new DateTimeParseException("not an RFC 3339 date-time", text, 0);
    }
    char last = text.charAt(text.length() - 1);
    if (last == 'Z' || last == 'z') {
      // Instant.parse takes the common UTC form directly.
      return Instant.parse(text.replace('t', 'T').replace('z', 'Z'));
    }
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }
}
