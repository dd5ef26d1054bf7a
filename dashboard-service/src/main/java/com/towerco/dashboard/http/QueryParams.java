package com.towerco.dashboard.http;

import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
import com.towerco.platform.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Strict reading of query parameters and path ids: unknown or repeated parameters, malformed
 * ids and values outside their set are a 400 with a message saying what is allowed; a tenant
 * user filtering by another tenant is a 403.
 */
final class QueryParams {
  /** Site, tenant and region ids, as in topic names. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  /** Alert and incident ids (UUIDs and the like). */
  static final Pattern OPAQUE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private final Context ctx;

  private QueryParams(Context ctx, String... allowed) {
    this.ctx = ctx;
    Set<String> known = Set.of(allowed);
    for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
      if (!known.contains(param.getKey())) {
        throw badRequest("unknown query parameter '" + clip(param.getKey()) + "'; allowed: "
            + (allowed.length == 0 ? "none" : String.join(", ", new TreeSet<>(known))));
      }
      if (param.getValue().size() > 1) {
        throw badRequest("query parameter '" + param.getKey() + "' given more than once");
      }
    }
  }

  static QueryParams of(Context ctx, String... allowed) {
    return new QueryParams(ctx, allowed);
  }

  /** An optional id parameter. */
  String id(String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!ID.matcher(value).matches()) {
      throw badRequest(name + " must match " + ID.pattern());
    }
    return value;
  }

  /** An optional tenant filter; a tenant user may only name its own tenant. */
  String tenant(Viewer viewer) {
    String tenant = id("tenant");
    if (tenant != null && !Visibility.ownedBy(viewer, tenant)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "tenant " + tenant + " is not yours");
    }
    return tenant;
  }

  /** An optional parameter whose value is one of a fixed set of names. */
  <T> T oneOf(String name, T[] values, Function<T, String> wireName) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    return Arrays.stream(values).filter(v -> wireName.apply(v).equals(value)).findFirst()
        .orElseThrow(() -> badRequest(name + " must be one of "
            + String.join(", ", Arrays.stream(values).map(wireName).toList())));
  }

  int limit(int fallback, int max) {
    String value = ctx.queryParam("limit");
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw badRequest("limit must be a whole number from 1 to " + max);
  }

  /** A path id, checked against a pattern before it is looked up. */
  static String pathId(Context ctx, String name, Pattern pattern) {
    String value = ctx.pathParam(name);
    return Optional.of(value).filter(v -> pattern.matcher(v).matches())
        .orElseThrow(() -> badRequest(name + " must match " + pattern.pattern()));
  }

  static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }

  private static String clip(String text) {
    String safe = text.replaceAll("[^A-Za-z0-9_.-]", "?");
    return safe.length() > 40 ? safe.substring(0, 40) + "..." : safe;
  }
}
