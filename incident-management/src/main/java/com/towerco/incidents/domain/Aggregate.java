package com.towerco.incidents.domain;

import com.towerco.events.TopicFamily;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.RejectionCode;
import java.time.Instant;
import java.util.Optional;

/**
 * One kind of event-sourced entity (incident, SLA period, energy optimization, refuel order):
 * the pure functions that define it and the topics its commands and events travel on. The
 * command processor and the read models handle every kind through this one shape.
 *
 * @param <S> the state folded from the events (null before the first)
 * @param <C> its commands
 * @param <E> its events
 */
public interface Aggregate<S, C extends Payload, E extends Payload> {
  /** Short name for logs and metadata, e.g. {@code incident}. */
  String name();

  TopicFamily commandTopics();

  TopicFamily eventTopics();

  Class<C> commandType();

  Class<E> eventType();

  String idOf(C command);

  String idOfEvent(E event);

  /** The site an event is about (the envelope's site_id); empty for none. */
  String siteOf(S state, E event);

  /** The state after one more event; {@code state} is null before the first event. */
  S evolve(S state, E event);

  /** Count of state-changing events folded so far (0 before the first). */
  int version(S state);

  /** Decides a command against the current state at the command's event time. */
  Decision<E> decide(S state, C command, Instant at);

  /** The version a person's command expects; empty for system commands. */
  default Optional<Integer> expectedVersion(C command) {
    return Optional.empty();
  }

  /** The event recording that a person's command was refused; null if the kind has none. */
  default E rejected(String aggregateId, String commandId, String commandType,
      RejectionCode code, String reason, Integer expectedVersion, int actualVersion,
      Instant at) {
    return null;
  }

  /** Optimistic concurrency first, then the aggregate's own rules. */
  default Decision<E> handle(S state, C command, Instant at) {
    Optional<Integer> expected = expectedVersion(command);
    if (expected.isPresent() && state != null && expected.get() != version(state)) {
      return Decision.stale(expected.get(), version(state));
    }
    return decide(state, command, at);
  }
}
