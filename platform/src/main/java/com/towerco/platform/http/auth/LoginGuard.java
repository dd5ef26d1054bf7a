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
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing without letting a stranger lock a user out. Failures are counted per
 * source address, per account, and per (account, address) within {@link Limits#window}:
 * <ul>
 *   <li>an address with {@code perAddress} failures is refused (429) whatever it tries, before
 *       any password is checked, so guessing from it costs no PBKDF2 run;
 *   <li>an account with {@code perAccount} failures is under attack: from then on an address
 *       that failed {@code perAccountAndAddress} times on it is refused, while every other
 *       address (the user's own, with the right password) still logs in.
 * </ul>
 * Every failure and refusal is logged on {@code towerco.audit} (user, address, why), every
 * login too. Credentials that were right are remembered (as a SHA-256 digest, for
 * {@code window}) so a script sending Basic credentials on every request does not pay a
 * PBKDF2 run each time.
 */
public final class LoginGuard {
  private static final Logger AUDIT = LoggerFactory.getLogger("towerco.audit");
  private static final int MAX_ENTRIES = 10_000;
  private static final Pattern PRINTABLE_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final Limits limits;
  private final Clock clock;
  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
  private final Map<String, Failures> byAccountAndAddress = new ConcurrentHashMap<>();
  private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

  /** How many failures within {@code window} trip each guard. */
  public record Limits(int perAddress, int perAccount, int perAccountAndAddress,
      Duration window) {
    public Limits {
      if (perAddress < 1 || perAccount < 1 || perAccountAndAddress < 1 || window.isNegative()
          || window.isZero()) {
        throw new IllegalArgumentException("login limits must be positive");
      }
    }

    /** 20 failures per address, 10 per account, then 3 per address on that account; 5 min. */
    public static Limits defaults() {
      return new Limits(20, 10, 3, Duration.ofMinutes(5));
    }
  }

  private record Failures(int count, long since) {}

  private record Remembered(Caller caller, String account, long until) {}

  public LoginGuard(Limits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  public static LoginGuard defaults(Clock clock) {
    return new LoginGuard(Limits.defaults(), clock);
  }

  /** Refuses (429) a login attempt the limits do not allow; checks no password. */
  void check(String username, String address) {
    if (count(byAddress, address) >= limits.perAddress()) {
      refuse(username, address, "too many failed logins from this address");
    }
    if (count(byAccount, username) >= limits.perAccount()
        && count(byAccountAndAddress, username + "|" + address)
            >= limits.perAccountAndAddress()) {
      refuse(username, address, "too many failed logins for this user from this address");
    }
  }

  void failed(String username, String address) {
    AUDIT.warn("login failed: user {} from {}: wrong username or password", printable(username),
        address);
    record(byAddress, address);
    record(byAccountAndAddress, username + "|" + address);
    if (record(byAccount, username) == limits.perAccount()) {
      AUDIT.warn("user {} had {} failed logins within {}: each address may now fail it only {} "
          + "times", printable(username), limits.perAccount(), limits.window(),
          limits.perAccountAndAddress());
    }
  }

  void succeeded(String username, String address) {
    AUDIT.info("login: user {} from {}", printable(username), address);
    byAccountAndAddress.remove(username + "|" + address);
  }

  /** The caller of credentials verified within the window, if its account is unchanged. */
  Optional<Caller> cached(String credentials, String accountFingerprint) {
    Remembered r = verified.get(digest(credentials));
    return r != null && r.until() > clock.millis() && r.account().equals(accountFingerprint)
        ? Optional.of(r.caller()) : Optional.empty();
  }

  void remember(String credentials, Caller caller, String accountFingerprint) {
    if (verified.size() > MAX_ENTRIES) {
      verified.clear();
    }
    verified.put(digest(credentials),
        new Remembered(caller, accountFingerprint, clock.millis() + limits.window().toMillis()));
  }

  private void refuse(String username, String address, String why) {
    AUDIT.warn("login refused: user {} from {}: {}", printable(username), address, why);
    throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, why + "; try again in a few minutes");
  }

  private int count(Map<String, Failures> counts, String key) {
    Failures f = counts.get(key);
    return f == null || expired(f, clock.millis()) ? 0 : f.count();
  }

  private int record(Map<String, Failures> counts, String key) {
    long now = clock.millis();
    if (counts.size() > MAX_ENTRIES) {
      counts.values().removeIf(f -> expired(f, now)); // an attacker spraying names: forget old
      if (counts.size() > 4 * MAX_ENTRIES) {
        counts.clear(); // memory stays bounded; the per-address limit keeps working after it
      }
    }
    return counts.merge(key, new Failures(1, now), (old, one) ->
        expired(old, now) ? one : new Failures(old.count() + 1, old.since())).count();
  }

  private boolean expired(Failures f, long now) {
    return now - f.since() >= limits.window().toMillis();
  }

  /** A username as it may appear in a log line: only if it could be a real one. */
  private static String printable(String username) {
    return PRINTABLE_NAME.matcher(username).matches() ? "'" + username + "'" : "(malformed)";
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
