package com.towerco.incidents.stream;

import com.towerco.events.Envelope;
import com.towerco.events.payload.Payload;
import com.towerco.incidents.domain.Aggregate;
import com.towerco.platform.kafka.EventPublisher;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends commands to the aggregates' command topics (the operator's), keyed by aggregate id so
 * every command of one aggregate is handled in order by one instance. Used by the HTTP API,
 * the sagas' schedulers and the watchers that derive commands from KPIs and telemetry.
 */
public final class CommandBus {
  private final EventPublisher publisher;
  private final AggregateCatalog catalog;
  private final String operatorTenant;

  public CommandBus(EventPublisher publisher, AggregateCatalog catalog, String operatorTenant) {
    this.publisher = publisher;
    this.catalog = catalog;
    this.operatorTenant = operatorTenant;
  }

  /** Publishes a command; {@code commandId} becomes its event id. */
  public Envelope send(String commandId, Payload command, Instant at, String siteId,
      Map<String, String> metadata) {
    Aggregate<Object, Payload, Payload> aggregate = catalog.<Object, Payload, Payload>forCommand(
        command).orElseThrow(() -> new IllegalArgumentException("not a command: " + command));
    Map<String, String> meta = new HashMap<>(metadata);
    meta.putIfAbsent(Metadata.PRODUCER, Metadata.PRODUCER_NAME);
    Envelope envelope = Envelope.of(commandId, operatorTenant, siteId == null ? "" : siteId, at,
        command, meta);
    publisher.publish(aggregate.commandTopics(), operatorTenant, aggregate.idOf(command),
        envelope);
    return envelope;
  }

  public void flush() {
    publisher.flush();
  }
}
