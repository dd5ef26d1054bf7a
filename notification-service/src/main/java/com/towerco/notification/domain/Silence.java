package com.towerco.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tenant's silence: notifications about anything every matcher accepts are suppressed from
 * {@code startsAt} until {@code endsAt}, or until someone expires it earlier. It is how a
 * maintenance window or a field visit keeps the on-call phone quiet; what it suppresses is
 * recorded, never dropped without trace.
 */
public record Silence(
    String id,
    String tenant,
    List<Matcher> matchers,
    Instant startsAt,
    Instant endsAt,
    Instant expiredAt,
    String createdBy,
    String comment) {

  /** Where a silence is in its life at a given time. */
  public enum State {
    @com.fasterxml.jackson.annotation.JsonProperty("pending") PENDING,
    @com.fasterxml.jackson.annotation.JsonProperty("active") ACTIVE,
    @com.fasterxml.jackson.annotation.JsonProperty("expired") EXPIRED
  }

  public Silence {
    matchers = List.copyOf(matchers);
    if (matchers.isEmpty()) {
      throw new IllegalArgumentException("a silence needs at least one matcher");
    }
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("a silence must end after it starts");
    }
  }

  public Instant effectiveEnd() {
    return expiredAt != null && expiredAt.isBefore(endsAt) ? expiredAt : endsAt;
  }

  public State stateAt(Instant now) {
    if (!now.isBefore(effectiveEnd())) {
      return State.EXPIRED;
    }
    return now.isBefore(startsAt) ? State.PENDING : State.ACTIVE;
  }

  /** True when this silence is active at {@code now} and mutes a subject with these labels. */
  public boolean mutes(Map<String, String> labels, Instant now) {
    return stateAt(now) == State.ACTIVE && Matcher.all(matchers, labels);
  }

  public Silence expire(Instant at) {
    return new Silence(id, tenant, matchers, startsAt, endsAt, at, createdBy, comment);
  }
}
