package com.towerco.incidents.stream;

import com.towerco.events.Envelope;
import com.towerco.events.payload.Payload;
import com.towerco.incidents.domain.Aggregate;
import com.towerco.platform.runtime.IdSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The write model of one lifecycle partition: the current state of every aggregate whose key
 * falls in it, and the commands already handled. Rebuilt by folding the partition from its
 * beginning when the partition's commands are assigned, then kept current by the command
 * processor as it records events. Touched only by the processor's thread.
 */
final class AggregateStates {
  private final Map<String, Map<String, Object>> states = new HashMap<>();
  /** Command ids whose outcome is in the partition (as hashes: 16 bytes per command at most). */
  private final IdSet handled = new IdSet();
  private long events;

  @SuppressWarnings("unchecked")
  <S> S get(Aggregate<S, ?, ?> aggregate, String id) {
    Map<String, Object> ofKind = states.get(aggregate.name());
    return ofKind == null ? null : (S) ofKind.get(id);
  }

  <S> void put(Aggregate<S, ?, ?> aggregate, String id, S state) {
    states.computeIfAbsent(aggregate.name(), n -> new HashMap<>()).put(id, state);
  }

  /** Every state of one kind, by id (live view; do not modify). */
  @SuppressWarnings("unchecked")
  <S> Map<String, S> all(Aggregate<S, ?, ?> aggregate) {
    return (Map<String, S>) (Map<String, ?>) states.getOrDefault(aggregate.name(), Map.of());
  }

  boolean handled(String commandId) {
    return handled.contains(commandId);
  }

  void markHandled(String commandId) {
    handled.add(commandId);
  }

  long events() {
    return events;
  }

  int handledCount() {
    return handled.size();
  }

  /** Folds one recorded event into the state (on load, and after publishing). */
  <S, C extends Payload, E extends Payload> void fold(Aggregate<S, C, E> aggregate, E event) {
    String id = aggregate.idOfEvent(event);
    put(aggregate, id, aggregate.evolve(get(aggregate, id), event));
    events++;
  }

  /** Folds a stored envelope: its state change, and its command as handled. */
  void replay(AggregateCatalog catalog, Envelope envelope) {
    Optional<Aggregate<Object, Payload, Payload>> aggregate =
        catalog.forEvent(envelope.payload());
    if (aggregate.isEmpty()) {
      return;
    }
    fold(aggregate.get(), envelope.payload());
    String cause = envelope.metadata().get(Metadata.CAUSATION_ID);
    if (cause != null) {
      handled.add(cause);
    }
  }
}
