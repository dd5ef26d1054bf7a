package com.towerco.incidents.domain;

import com.towerco.events.payload.RejectionCode;
import java.util.List;

/**
 * What an aggregate decided about a command: the events to record (none when the command
 * changes nothing, such as a repeat), or a refusal with its reason. Nothing is written for a
 * refusal except, for a person's command, the refusal itself.
 */
public sealed interface Decision<E> permits Decision.Accepted, Decision.Rejected {

  /** The command is accepted; these events record it (possibly none). */
  record Accepted<E>(List<E> events) implements Decision<E> {
    public Accepted {
      events = List.copyOf(events);
    }
  }

  /** The command is refused. */
  record Rejected<E>(RejectionCode code, String reason) implements Decision<E> {}

  @SafeVarargs
  static <E> Decision<E> accept(E... events) {
    return new Accepted<>(List.of(events));
  }

  static <E> Decision<E> accept(List<E> events) {
    return new Accepted<>(events);
  }

  /** Accepted, but nothing changes (a repeat, or a system command overtaken by events). */
  static <E> Decision<E> ignore() {
    return new Accepted<>(List.of());
  }

  static <E> Decision<E> illegal(String reason) {
    return new Rejected<>(RejectionCode.ILLEGAL_TRANSITION, reason);
  }

  static <E> Decision<E> notFound(String reason) {
    return new Rejected<>(RejectionCode.NOT_FOUND, reason);
  }

  static <E> Decision<E> stale(int expected, int actual) {
    return new Rejected<>(RejectionCode.STALE_VERSION,
        "expected version " + expected + " but it is at version " + actual);
  }
}
