package com.towerco.platform.http;

import com.towerco.platform.access.Viewer;
import com.towerco.platform.access.Visibility;
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
 * The one way routes read what a request names: path and query ids (one rule for every id:
 * sites, tenants, regions, incidents, alerts, dispatches, silences...), limits, values from a
 * fixed set, and a tenant filter checked by {@link Visibility}. Anything malformed is a 400
 * whose message says what is allowed. {@link #strict} also refuses unknown and repeated query
 * parameters, for routes that list theirs.
 */
public final class RequestParams {
  /** Every id a request may name: 1..64 letters, digits, {@code . _ : -}, a letter or digit first. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private final Context ctx;

  private RequestParams(Context ctx) {
    this.ctx = ctx;
  }

  /** The query parameters of a route that accepts any. */
  public static RequestParams of(Context ctx) {
    return new RequestParams(ctx);
  }

  /** The query parameters of a route that accepts only {@code allowed}, each at most once. */
  public static RequestParams strict(Context ctx, String... allowed) {
    Set<String> known = Set.of(allowed);
    for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
      if (!known.contains(param.getKey())) {
        throw bad("unknown query parameter '" + clip(param.getKey()) + "'; allowed: "
            + (allowed.length == 0 ? "none" : String.join(", ", new TreeSet<>(known))));
      }
      if (param.getValue().size() > 1) {
        throw bad("query parameter '" + param.getKey() + "' given more than once");
      }
    }
    return new RequestParams(ctx);
  }

  /** A path parameter that is an id. */
  public static String pathId(Context ctx, String name) {
    return id(name, ctx.pathParam(name));
  }

  /** {@code value} if it is a well-formed id, else a 400 naming {@code name}. */
  public static String id(String name, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw bad(name + " must match " + ID.pattern());
    }
    return value;
  }

  /** An optional query parameter that is an id. */
  public Optional<String> id(String name) {
    return text(name).map(value -> id(name, value));
  }

  /** An optional query parameter as given (empty when absent or empty). */
  public Optional<String> text(String name) {
    return Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isEmpty());
  }

  /**
   * An optional tenant filter: the tenant named, if the viewer may see it (403 if it names
   * another tenant's).
   */
  public Optional<String> tenantFilter(Viewer viewer) {
    Optional<String> tenant = id("tenant");
    tenant.ifPresent(t -> Visibility.requireOwnedBy(viewer, t));
    return tenant;
  }

  /** An optional parameter whose value is one of a fixed set of names. */
  public <T> Optional<T> oneOf(String name, T[] values, Function<T, String> wireName) {
    return text(name).map(value -> Arrays.stream(values)
        .filter(v -> wireName.apply(v).equals(value)).findFirst()
        .orElseThrow(() -> bad(name + " must be one of "
            + String.join(", ", Arrays.stream(values).map(wireName).toList()))));
  }

  /** {@code limit}: a whole number from 1 to {@code max}; {@code fallback} when absent. */
  public int limit(int fallback, int max) {
    Optional<String> value = text("limit");
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(value.get());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad("limit must be a whole number from 1 to " + max);
  }

  public static ApiException bad(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }

  private static String clip(String text) {
    String safe = text.replaceAll("[^A-Za-z0-9_.-]", "?");
    return safe.length() > 40 ? safe.substring(0, 40) + "..." : safe;
  }
}
