package com.towerco.events;

/**
 * The shape of site, tenant and region ids: {@code [A-Za-z0-9][A-Za-z0-9_-]{0,63}}. Checked by
 * hand because every event and topic name goes through it (a regex match costs more).
 */
public final class Ids {
  public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

  private Ids() {}

  public static boolean valid(String id) {
    if (id == null || id.isEmpty() || id.length() > 64 || !alphanumeric(id.charAt(0))) {
      return false;
    }
    for (int i = 1; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!alphanumeric(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean alphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
