package com.towerco.incidents.http;

import io.javalin.http.Context;

/** Path and query parameters, checked: a malformed one is a 400 that says why. */
final class Paths {
  private Paths() {}

  static String id(Context ctx, String name) {
    String value = ctx.pathParam(name);
    if (value.isEmpty() || value.length() > 64 || value.chars().anyMatch(c -> c <= ' ')) {
      throw RequestBody.bad(name + " must have 1..64 printable characters");
    }
    return value;
  }

  static int limit(Context ctx, int fallback, int max) {
    String value = ctx.queryParam("limit");
    if (value == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit < 1 || limit > max) {
        throw RequestBody.bad("limit must be within 1.." + max);
      }
      return limit;
    } catch (NumberFormatException e) {
      throw RequestBody.bad("limit must be a number");
    }
  }
}
