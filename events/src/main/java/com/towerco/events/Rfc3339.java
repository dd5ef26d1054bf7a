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

  /**
   * {@code instant.toString()}: seconds always, a fraction of 3, 6 or 9 digits when there is
   * one, {@code Z}. Written by hand for the years 0000-9999 (the JDK's formatter made a dozen
   * objects, about 1 KB, per call, and every event written formats its time twice: ADR-055);
   * other years through the JDK.
   */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < YEAR_0 || seconds >= YEAR_10000) {
      return instant.toString();
    }
    long days = Math.floorDiv(seconds, 86_400);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    // civil date from days since 1970-01-01 (Howard Hinnant's algorithm)
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    int dayOfEra = (int) (z - era * 146_097);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int mp = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * mp + 2) / 5 + 1;
    int month = mp < 10 ? mp + 3 : mp - 9;
    int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
    int nanos = instant.getNano();
    int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
    byte[] text = new byte[20 + (digits == 0 ? 0 : digits + 1)];
    put(text, 0, year, 4);
    text[4] = '-';
    put(text, 5, month, 2);
    text[7] = '-';
    put(text, 8, day, 2);
    text[10] = 'T';
    put(text, 11, secondOfDay / 3600, 2);
    text[13] = ':';
    put(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    put(text, 17, secondOfDay % 60, 2);
    int i = 19;
    if (digits > 0) {
      text[i++] = '.';
      put(text, i, nanos / POWERS[9 - digits], digits);
      i += digits;
    }
    text[i] = 'Z';
    return new String(text, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
  private static final long YEAR_0 = -62_167_219_200L;
  private static final long YEAR_10000 = 253_402_300_800L;
  private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
      10_000_000, 100_000_000, 1_000_000_000};

  private static void put(byte[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
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
