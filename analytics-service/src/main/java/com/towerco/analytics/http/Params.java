package com.towerco.analytics.http;

import com.towerco.analytics.domain.TimeRange;
import com.towerco.events.Rfc3339;
import com.towerco.platform.access.Visibility;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.RequestParams;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks the analytics queries' own parameters (time range, bucket, month),
 * answering 400 with a message that names the parameter and what it accepts; ids and limits
 * are the platform's {@link RequestParams}. Turns the caller into the tenant scope of a query
 * through the visibility policy (a tenant user is always scoped to its own tenant, 403 if it
 * asks for another).
 */
final class Params {
  static final long MAX_BUCKETS = 10_000;
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})([smhd])");
  private static final Duration MIN_BUCKET = Duration.ofMinutes(1);

  private Params() {}

  static TimeRange range(Context ctx) {
    try {
      return new TimeRange(instant(ctx, "from"), instant(ctx, "to"));
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private static java.time.Instant instant(Context ctx, String name) {
    String value = required(ctx, name);
    try {
      return Rfc3339.parse(value);
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw bad(name + " must be an RFC 3339 date-time such as 2025-01-31T00:00:00Z, not '"
          + value + "'");
    }
  }

  /** {@code bucket}: {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT15M}). */
  static Duration bucket(Context ctx, TimeRange range) {
    String value = required(ctx, "bucket");
    Duration bucket;
    Matcher m = SHORT_DURATION.matcher(value);
    try {
      bucket = m.matches() ? switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(Long.parseLong(m.group(1)));
        case "m" -> Duration.ofMinutes(Long.parseLong(m.group(1)));
        case "h" -> Duration.ofHours(Long.parseLong(m.group(1)));
        default -> Duration.ofDays(Long.parseLong(m.group(1)));
      } : Duration.parse(value.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw bad("bucket must be a duration such as 5m, 1h, 1d or PT15M, not '" + value + "'");
    }
    if (bucket.compareTo(MIN_BUCKET) < 0 || bucket.toNanos() % 1_000_000_000L != 0) {
      throw bad("bucket must be whole seconds and at least 1 minute");
    }
    if (range.length().toSeconds() / bucket.toSeconds() > MAX_BUCKETS) {
      throw bad("bucket is too small for the range: at most " + MAX_BUCKETS + " buckets");
    }
    return bucket;
  }

  static YearMonth month(String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw bad("month must be YYYY-MM, not '" + value + "'");
    }
  }

  /**
   * The tenant a query is scoped to: a tenant user's own (403 if it names another), or the
   * tenant an operator asked for, or none (an operator's whole-fleet view).
   */
  static Optional<String> tenantScope(Caller caller, Optional<String> requested) {
    return Visibility.tenantScope(caller.viewer(), requested);
  }

  /** 403 unless the caller may see {@code tenant}'s data. */
  static void requireVisible(Caller caller, String tenant) {
    Visibility.requireOwnedBy(caller.viewer(), tenant);
  }

  private static String required(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw bad("query parameter '" + name + "' is required");
    }
    return value;
  }

  static ApiException bad(String message) {
    return RequestParams.bad(message);
  }
}
