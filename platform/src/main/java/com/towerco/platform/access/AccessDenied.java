package com.towerco.platform.access;

/**
 * A viewer asked for something {@link Visibility} does not let it see or do. The HTTP server
 * answers it with 403; the message says what, never whose data exists.
 */
public final class AccessDenied extends RuntimeException {
  public AccessDenied(String message) {
    super(message, null, false, false);
  }
}
