package com.towerco.notification.domain;

import java.time.Instant;

/**
 * The circuit breaker of one receiver, as a value driven by delivery outcomes and event time
 * (so it is stored in Kafka and replays the same way). Closed: every attempt goes out. After
 * the policy's number of failures in a row it opens: attempts fail fast without calling the
 * receiver. Once its open time has passed, one trial attempt goes out (half-open) while the
 * others wait; the trial's success closes it, its failure opens it again.
 */
public record CircuitBreaker(State state, int failures, Instant openUntil, String trialKey,
    Instant trialSince) {

  /** Breaker states. */
  public enum State { CLOSED, OPEN, HALF_OPEN }

  /** What an attempt may do now. */
  public enum Permit { CALL, FAIL_FAST, WAIT }

  public static final CircuitBreaker CLOSED = new CircuitBreaker(State.CLOSED, 0, null, null,
      null);

  /** The decision for an attempt of {@code key} at {@code now}, and the breaker after it. */
  public record Decision(Permit permit, CircuitBreaker next) {}

  public Decision permit(String key, Instant now, DeliveryPolicy policy) {
    return switch (state) {
      case CLOSED -> new Decision(Permit.CALL, this);
      case OPEN -> now.isBefore(openUntil) ? new Decision(Permit.FAIL_FAST, this)
          : new Decision(Permit.CALL, trial(key, now));
      case HALF_OPEN -> key.equals(trialKey) ? new Decision(Permit.CALL, this)
          // a trial whose outcome never came back must not hold the receiver forever
          : now.isBefore(trialSince.plus(policy.breakerOpenFor()))
              ? new Decision(Permit.WAIT, this) : new Decision(Permit.CALL, trial(key, now));
    };
  }

  public CircuitBreaker success() {
    return CLOSED;
  }

  public CircuitBreaker failure(Instant now, DeliveryPolicy policy) {
    int count = failures + 1;
    if (state == State.HALF_OPEN || count >= policy.breakerFailureThreshold()) {
      return new CircuitBreaker(State.OPEN, count, now.plus(policy.breakerOpenFor()), null, null);
    }
    return new CircuitBreaker(state, count, openUntil, null, null);
  }

  private CircuitBreaker trial(String key, Instant now) {
    return new CircuitBreaker(State.HALF_OPEN, failures, openUntil, key, now);
  }
}
