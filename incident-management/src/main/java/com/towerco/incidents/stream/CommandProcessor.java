package com.towerco.incidents.stream;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.Payload;
import com.towerco.incidents.domain.Aggregate;
import com.towerco.incidents.domain.Decision;
import com.towerco.incidents.domain.incident.DispatchSaga;
import com.towerco.incidents.domain.incident.Incident;
import com.towerco.incidents.domain.refuel.Refuel;
import com.towerco.incidents.domain.refuel.RefuelSaga;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.EventHandler;
import com.towerco.platform.runtime.PartitionLoader;
import com.towerco.platform.runtime.SourceRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write side: the single writer of the incident, SLA, optimization and refuel streams.
 * When a command partition is assigned it rebuilds that partition's aggregates by folding the
 * matching lifecycle partition (same key, same partition number); then it decides each command
 * against the current state, records the outcome and keeps the state current. A command whose
 * id is already in the stream is skipped. Its scheduler (driven from the consumer loop) fires
 * the sagas' timeouts and compensations as commands of their own, with ids derived from what
 * they are about, so a firing repeated after a restart is recognised.
 */
final class CommandProcessor implements EventHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

  private final Wiring wiring;
  private final LifecycleWriter writer;
  private final CommandBus bus;
  private final ServiceMetrics metrics;
  private final PartitionLoader loader;
  private final Map<TopicPartition, AggregateStates> partitions = new HashMap<>();
  private final Set<String> fired = new HashSet<>();
  private Instant lastTick = Instant.EPOCH;

  /** What the processor is built from, shared by every consumer instance. */
  record Wiring(AggregateCatalog catalog, String operatorTenant, DispatchSaga dispatchSaga,
      Aggregate<Incident, ?, ?> incidents, Aggregate<Refuel, ?, ?> refuels, Clock clock,
      Duration timerInterval) {}

  CommandProcessor(Wiring wiring, LifecycleWriter writer, CommandBus bus,
      ServiceMetrics metrics, PartitionLoader loader) {
    this.wiring = wiring;
    this.writer = writer;
    this.bus = bus;
    this.metrics = metrics;
    this.loader = loader;
  }

  @Override
  public void handle(Envelope command, SourceRecord source) {
    TopicPartition partition = new TopicPartition(source.topic(), source.partition());
    AggregateStates states = partitions.computeIfAbsent(partition, this::load);
    fired.remove(command.eventId());
    if (states.handled(command.eventId())) {
      metrics.duplicateSkipped();
      return;
    }
    Aggregate<Object, Payload, Payload> aggregate = wiring.catalog()
        .<Object, Payload, Payload>forCommand(command.payload())
        .orElseThrow(() -> new IllegalArgumentException(command.eventType()
            + " is not a command of the incident service"));
    String id = aggregate.idOf(command.payload());
    Decision<Payload> decision = aggregate.handle(states.get(aggregate, id), command.payload(),
        command.timestamp());
    if (decision instanceof Decision.Accepted<Payload> accepted) {
      writer.record(aggregate, states, id, command, accepted.events());
      if (!accepted.events().isEmpty()) {
        sagas(states, aggregate, id, wiring.clock().instant());
      }
    } else if (decision instanceof Decision.Rejected<Payload> refusal) {
      Integer expected = aggregate.expectedVersion(command.payload()).orElse(null);
      LOG.info("{} {} refused for {}: {} {}", command.eventType(), command.eventId(), id,
          refusal.code(), refusal.reason());
      if (expected != null) {
        writer.rejected(aggregate, states, id, command, refusal, expected);
      } else {
        states.markHandled(command.eventId());
      }
    }
  }

  @Override
  public void afterBatch() {
    Instant now = wiring.clock().instant();
    if (Duration.between(lastTick, now).compareTo(wiring.timerInterval()) < 0) {
      return;
    }
    lastTick = now;
    for (AggregateStates states : partitions.values()) {
      for (Map.Entry<String, Incident> e : states.all(wiring.incidents()).entrySet()) {
        if (DispatchSaga.engaged(e.getValue())) {
          sagas(states, wiring.incidents(), e.getKey(), now);
        }
      }
      for (Map.Entry<String, Refuel> e : states.all(wiring.refuels()).entrySet()) {
        sagas(states, wiring.refuels(), e.getKey(), now);
      }
    }
  }

  /** Sends what the sagas need for one aggregate now (each firing once until handled). */
  private void sagas(AggregateStates states, Aggregate<?, ?, ?> aggregate, String id,
      Instant now) {
    List<? extends Payload> commands;
    String site;
    if (aggregate == wiring.incidents()) {
      Incident incident = states.get(wiring.incidents(), id);
      commands = wiring.dispatchSaga().next(incident, now);
      site = incident == null ? "" : incident.rootSiteId();
    } else if (aggregate == wiring.refuels()) {
      Refuel refuel = states.get(wiring.refuels(), id);
      commands = RefuelSaga.due(refuel, now).stream().toList();
      site = refuel == null ? "" : refuel.siteId();
    } else {
      return;
    }
    for (Payload command : commands) {
      String commandId = EventIds.derived(command.getClass().getSimpleName(),
          command.toString());
      if (!states.handled(commandId) && fired.add(commandId)) {
        bus.send(commandId, command, now, site, Map.of(Metadata.CORRELATION_ID, id));
      }
    }
  }

  @Override
  public void onAssigned(Map<TopicPartition, String> partitionsWithNotes) {
    for (TopicPartition partition : partitionsWithNotes.keySet()) {
      partitions.put(partition, load(partition));
    }
    // deadlines that passed while nobody owned these partitions are due at the next batch, not
    // one timer interval later (nor never, when the clock stands still as in a replay)
    lastTick = Instant.EPOCH;
  }

  @Override
  public void onRevoked(Collection<TopicPartition> revoked) {
    revoked.forEach(partitions::remove);
  }

  @Override
  public void close() {
    loader.close();
  }

  private AggregateStates load(TopicPartition commandPartition) {
    TopicFamily commands = TopicFamily.of(commandPartition.topic()).orElseThrow();
    String lifecycle = wiring.catalog().eventsFor(commands).topic(wiring.operatorTenant());
    AggregateStates states = new AggregateStates();
    loader.load(new TopicPartition(lifecycle, commandPartition.partition()),
        event -> states.replay(wiring.catalog(), event));
    return states;
  }
}
