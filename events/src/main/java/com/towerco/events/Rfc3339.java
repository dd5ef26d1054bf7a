package com.towerco.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 date-times (JSON Schema's {@code date-time}), written in UTC with a {@code Z}. Parsing
 * is hand-written because every event carries one and {@code Instant.parse} costs more than the
 * rest of the envelope: {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm)}, nothing else.
 */
public final class Rfc3339 {
  private Rfc3339() {}

  public static String format(Instant instant) {
    return instant.toString();
  }

  /** Parses an RFC 3339 date-time with a mandatory offset; rejects anything else. */
  public static Instant parse(String text) {
    return parse((CharSequence) text);
  }

  /**
   * As {@link #parse(String)} for the UTF-8 bytes of the text (a Kafka header's value), without
   * making the {@code String} first: the same instants, the same refusals (a valid date-time is
   * ASCII only, and no byte of a multi-byte UTF-8 character is an ASCII one).
   */
  public static Instant parse(byte[] utf8) {
    return parse(new Ascii(utf8));
  }

  /** The bytes as characters, one each: exact for ASCII, never a date-time character else. */
  private record Ascii(byte[] bytes) implements CharSequence {
    @Override
    public int length() {
      return bytes.length;
    }

    @Override
    public char charAt(int index) {
      byte b = bytes[index];
      return b >= 0 ? (char) b : '\uFFFD';
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return toString().subSequence(start, end);
    }

    @Override
    public String toString() {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static Instant parse(CharSequence text) {
    int n = text.length();
    if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-'
        || (text.charAt(10) != 'T' && text.charAt(10) != 't')
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      throw invalid(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int i = 19;
    int nanos = 0;
    if (i < n && text.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(text.charAt(i))) {
        if (i - start < 9) {
          nanos = nanos * 10 + (text.charAt(i) - '0');
        }
        i++;
      }
      if (i == start) {
        throw invalid(text);
      }
      for (int k = Math.min(i - start, 9); k < 9; k++) {
        nanos *= 10;
      }
    }
    if (i >= n) {
      throw invalid(text);
    }
    int offsetSeconds;
    char zone = text.charAt(i);
    if ((zone == 'Z' || zone == 'z') && i == n - 1) {
      offsetSeconds = 0;
    } else if ((zone == '+' || zone == '-') && i == n - 6 && text.charAt(i + 3) == ':') {
      int hours = digits(text, i + 1, 2);
      int minutes = digits(text, i + 4, 2);
      if (hours > 23 || minutes > 59) {
        throw invalid(text);
      }
      offsetSeconds = (zone == '+' ? 1 : -1) * (hours * 3600 + minutes * 60);
    } else {
      throw invalid(text);
    }
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23
        || minute > 59 || second > 59) {
      throw invalid(text);
    }
    long epochDay = epochDay(year, month, day);
    long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException e) {
      throw invalid(text);
    }
  }

  private static int digits(CharSequence text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        throw invalid(text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (as {@code LocalDate.toEpochDay}). */
  private static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y;
    if (y >= 0) {
      total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    } else {
      total -= y / -4 - y / -100 + y / -400;
    }
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
        total--;
      }
    }
    return total - 719_528;
  }

  private static DateTimeParseException invalid(CharSequence text) {
    return new DateTimeParseException("not an RFC 3339 date-time", text.toString(), 0);
  }
}
