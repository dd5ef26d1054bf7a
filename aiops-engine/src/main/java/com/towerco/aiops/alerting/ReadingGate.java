package com.towerco.aiops.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a site's threshold rules remember between readings: since when, and for how many
 * readings, each threshold has been passed; and the last plausible value of each metric that
 * physics bounds, so a jump faster than the metric can move is a sensor glitch, not a reading.
 * Kept in memory with the site's alerts (not in the store): after a restart a threshold needs
 * its persistence again, which delays an alert by at most one persistence period.
 */
public final class ReadingGate {
  /** Readings past the threshold that disagree with the last plausible one this often: real. */
  static final int ACCEPT_AFTER = 3;

  private record Pending(Instant since, int readings) {}

  private record Last(double value, Instant at, int implausibleInARow) {}

  /**
   * A sensor that glitched stays a maintenance item until it has read plausibly this long: a
   * noisy sensor that glitches every hour or two is one item for the shift, not a new alert
   * (and a new notification) per glitch. (Was 30 minutes: a sensor glitching every 40 minutes
   * raised an alert each time.)
   */
  static final Duration SENSOR_QUIET = Duration.ofHours(6);

  private final Map<String, Pending> pending = new HashMap<>();
  private final Map<String, Instant> lastGlitch = new HashMap<>();
  private final Map<String, Last> last = new HashMap<>();

  /**
   * Counts a reading for a threshold: true once it has been past {@code on} for the policy's
   * readings and duration, or at once when it is extreme and {@code confirmed}.
   */
  boolean persisted(String key, boolean past, boolean extremeAndConfirmed, Instant at,
      ThresholdPolicy policy) {
    if (!past) {
      pending.remove(key);
      return false;
    }
    Pending p = pending.merge(key, new Pending(at, 1),
        (old, now) -> new Pending(old.since(), old.readings() + 1));
    return extremeAndConfirmed || p.readings() >= policy.persist()
        && !Duration.between(p.since(), at).minus(policy.persistFor()).isNegative();
  }

  /**
   * True if {@code value} is within what the metric can move since its last plausible reading
   * ({@code slack} plus {@code perMinute} per minute elapsed). A value that keeps disagreeing
   * ({@link #ACCEPT_AFTER} readings in a row) is accepted as the new level (a real step or a
   * recalibration).
   */
  /**
   * True while the metric's sensor is suspect: it glitched within {@link #SENSOR_QUIET} (so a
   * noisy sensor is one maintenance item, not an alert per glitch).
   */
  boolean suspect(String metric, Instant at) {
    Instant glitch = lastGlitch.get(metric);
    return glitch != null && at.isBefore(glitch.plus(SENSOR_QUIET));
  }

  /**
   * {@code Duration.between(from, to).toMillis()} without making the {@code Duration} (per
   * reading, ADR-043): the whole milliseconds of the nanoseconds between, rounded towards zero
   * as the duration rounds them; a span too long for a long of nanoseconds goes the duration's
   * own way.
   */
  static long millisBetween(Instant from, Instant to) {
    long seconds = to.getEpochSecond() - from.getEpochSecond();
    if (Math.abs(seconds) >= 9_000_000_000L) {
      return Duration.between(from, to).toMillis();
    }
    return (seconds * 1_000_000_000L + (to.getNano() - from.getNano())) / 1_000_000L;
  }

  boolean plausible(String metric, double value, Instant at, double perMinute, double slack) {
    boolean ok = judge(metric, value, at, perMinute, slack);
    if (!ok) {
      lastGlitch.put(metric, at);
    }
    return ok;
  }

  private boolean judge(String metric, double value, Instant at, double perMinute,
      double slack) {
    Last previous = last.get(metric);
    if (previous == null) {
      last.put(metric, new Last(value, at, 0));
      return true;
    }
    double minutes = Math.max(0, millisBetween(previous.at(), at) / 60_000.0);
    boolean ok = Math.abs(value - previous.value()) <= slack + perMinute * minutes;
    if (ok || previous.implausibleInARow() + 1 >= ACCEPT_AFTER) {
      last.put(metric, new Last(value, at, 0));
      return true;
    }
    last.put(metric, new Last(previous.value(), previous.at(), previous.implausibleInARow() + 1));
    return false;
  }
}
