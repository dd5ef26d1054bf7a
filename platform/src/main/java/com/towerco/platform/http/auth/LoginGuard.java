package com.towerco.platform.http.auth;

import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.Caller;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing and keeps Basic authentication cheap. After {@code maxFailures}
 * wrong passwords for one username within {@code window}, that username is refused (429) until
 * the window has passed. Credentials that were right are remembered (as a SHA-256 digest, for
 * {@code window}) so a script sending Basic credentials on every request does not pay a PBKDF2
 * run each time.
 */
public final class LoginGuard {
  private static final int MAX_ENTRIES = 10_000;

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

  private record Failures(int count, long since) {}

  private record Remembered(Caller caller, long until) {}

  public LoginGuard(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  public static LoginGuard defaults(Clock clock) {
    return new LoginGuard(10, Duration.ofMinutes(5), clock);
  }

  void check(String username) {
    Failures f = failures.get(username);
    if (f != null && clock.millis() - f.since() < window.toMillis() && f.count() >= maxFailures) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS,
          "too many failed logins for this user; try again in a few minutes");
    }
  }

  void failed(String username) {
    long now = clock.millis();
    if (failures.size() > MAX_ENTRIES) {
      failures.clear();
    }
    failures.merge(username, new Failures(1, now), (old, one) ->
        now - old.since() < window.toMillis() ? new Failures(old.count() + 1, old.since()) : one);
  }

  void succeeded(String username) {
    failures.remove(username);
  }

  Optional<Caller> cached(String credentials) {
    Remembered r = verified.get(digest(credentials));
    return r != null && r.until() > clock.millis() ? Optional.of(r.caller()) : Optional.empty();
  }

  void remember(String credentials, Caller caller) {
    if (verified.size() > MAX_ENTRIES) {
      verified.clear();
    }
    verified.put(digest(credentials), new Remembered(caller, clock.millis() + window.toMillis()));
  }

  private static String digest(String credentials) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(credentials.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
