package com.towerco.notification.domain;

import com.towerco.events.EventIds;
import java.time.Duration;

/**
 * How hard the service tries: up to {@code maxAttempts} attempts per notification and
 * receiver, waiting {@code initialBackoff * multiplier^(n-1)} (at most {@code maxBackoff})
 * after the n-th failure, spread by +/- {@code jitter} so that receivers coming back are not
 * hit by every retry at once; a receiver's circuit opens after
 * {@code breakerFailureThreshold} failures in a row and stays open for {@code breakerOpenFor}.
 * The jitter is derived from the idempotency key and attempt, so a replay computes the same
 * schedule.
 */
public record DeliveryPolicy(
    Integer maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Double multiplier,
    Double jitter,
    Integer breakerFailureThreshold,
    Duration breakerOpenFor,
    Duration requestTimeout) {

  public DeliveryPolicy {
    maxAttempts = maxAttempts == null ? 6 : maxAttempts;
    initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
    maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
    multiplier = multiplier == null ? 2.0 : multiplier;
    jitter = jitter == null ? 0.2 : jitter;
    breakerFailureThreshold = breakerFailureThreshold == null ? 5 : breakerFailureThreshold;
    breakerOpenFor = breakerOpenFor == null ? Duration.ofMinutes(1) : breakerOpenFor;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    if (maxAttempts < 1 || maxAttempts > 100 || multiplier < 1 || jitter < 0 || jitter >= 1
        || breakerFailureThreshold < 1 || !Route.positive(initialBackoff)
        || maxBackoff.compareTo(initialBackoff) < 0 || !Route.positive(breakerOpenFor)
        || !Route.positive(requestTimeout)) {
      throw new IllegalArgumentException("delivery policy out of range: " + this);
    }
  }

  public static DeliveryPolicy defaults() {
    return new DeliveryPolicy(null, null, null, null, null, null, null, null);
  }

  /** How long to wait after failed attempt {@code attempt} (1-based) of {@code key}. */
  public Duration backoff(int attempt, String key) {
    double base = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1.0);
    double capped = Math.min(base, maxBackoff.toMillis());
    double spread = 1 - jitter + 2 * jitter * unit(key, attempt);
    return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
  }

  /** A number in [0, 1) fixed by the key and attempt. */
  private static double unit(String key, int attempt) {
    String id = EventIds.derived("backoff", key, String.valueOf(attempt));
    long bits = Long.parseUnsignedLong(id.substring(id.length() - 12), 16);
    return bits / (double) (1L << 48);
  }
}
