package com.towerco.events.contract;

/**
 * A payload version, {@code MAJOR.MINOR} as the envelope carries it ({@code 1.0}, {@code 1.12}).
 * Minor versions of one major only add optional fields; a new major may change anything and is
 * read through an {@link Upcaster}.
 */
public record Version(int major, int minor) implements Comparable<Version> {
  public Version {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("not a version: " + major + "." + minor);
    }
  }

  /** The version of {@code text}, or null when it is not {@code digits.digits}. */
  public static Version parseOrNull(String text) {
    int dot = text.indexOf('.');
    if (dot < 1 || dot > 4 || dot == text.length() - 1 || text.length() - dot - 1 > 4) {
      return null;
    }
    int major = digits(text, 0, dot);
    int minor = digits(text, dot + 1, text.length());
    return major < 0 || minor < 0 ? null : new Version(major, minor);
  }

  public static Version parse(String text) {
    Version version = parseOrNull(text);
    if (version == null) {
      throw new IllegalArgumentException("not a MAJOR.MINOR version: '" + text + "'");
    }
    return version;
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  @Override
  public int compareTo(Version other) {
    return major != other.major ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
