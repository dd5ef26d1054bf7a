package com.towerco.platform.http;

import io.javalin.http.HttpStatus;

/** An API error with the status and a message safe to show the caller. */
public final class ApiException extends RuntimeException {
  private final HttpStatus status;

  public ApiException(HttpStatus status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static ApiException notFound(String what) {
    return new ApiException(HttpStatus.NOT_FOUND, what + " not found");
  }

  public static ApiException forbidden() {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden");
  }

  public HttpStatus status() {
    return status;
  }
}
