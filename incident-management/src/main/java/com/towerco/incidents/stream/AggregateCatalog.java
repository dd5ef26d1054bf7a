package com.towerco.incidents.stream;

import com.towerco.events.TopicFamily;
import com.towerco.events.payload.Payload;
import com.towerco.incidents.domain.Aggregate;
import java.util.List;
import java.util.Optional;

/**
 * The aggregates this service is the single writer of, and which one a command or an event
 * belongs to. Commands of all of them arrive on the operator's command topics; each keeps its
 * events on its own lifecycle topic family.
 */
public final class AggregateCatalog {
  private final List<Aggregate<?, ?, ?>> aggregates;

  public AggregateCatalog(List<Aggregate<?, ?, ?>> aggregates) {
    this.aggregates = List.copyOf(aggregates);
  }

  public List<Aggregate<?, ?, ?>> all() {
    return aggregates;
  }

  @SuppressWarnings("unchecked")
  public <S, C extends Payload, E extends Payload> Optional<Aggregate<S, C, E>> forCommand(
      Payload command) {
    return aggregates.stream().filter(a -> a.commandType().isInstance(command)).findFirst()
        .map(a -> (Aggregate<S, C, E>) a);
  }

  @SuppressWarnings("unchecked")
  public <S, C extends Payload, E extends Payload> Optional<Aggregate<S, C, E>> forEvent(
      Payload event) {
    return aggregates.stream().filter(a -> a.eventType().isInstance(event)).findFirst()
        .map(a -> (Aggregate<S, C, E>) a);
  }

  /** The lifecycle family whose events answer commands of this command family. */
  public TopicFamily eventsFor(TopicFamily commandFamily) {
    return aggregates.stream().filter(a -> a.commandTopics() == commandFamily)
        .map(Aggregate::eventTopics).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no aggregate takes " + commandFamily));
  }

  public List<TopicFamily> commandFamilies() {
    return aggregates.stream().map(Aggregate::commandTopics).distinct().toList();
  }

  public List<TopicFamily> eventFamilies() {
    return aggregates.stream().map(Aggregate::eventTopics).distinct().toList();
  }
}
