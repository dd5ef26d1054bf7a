package com.towerco.incidents.stream;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.incident.SlaBreached;
import com.towerco.incidents.domain.Aggregate;
import com.towerco.incidents.domain.Decision;
import com.towerco.incidents.domain.incident.Incident;
import com.towerco.incidents.domain.incident.TenantViews;
import com.towerco.platform.kafka.EventPublisher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a command's outcome: each event on the operator's lifecycle topic (the stream of
 * truth, keyed by aggregate id), each incident event also on every affected tenant's topic as
 * that tenant may see it, an SLA breach also on its tenant's topic. Event ids derive from the
 * command id, so handling a command again after a crash writes the same ids.
 */
final class LifecycleWriter {
  private final EventPublisher publisher;
  private final String operatorTenant;
  private final TenantViews tenantViews;

  LifecycleWriter(EventPublisher publisher, String operatorTenant, TenantViews tenantViews) {
    this.publisher = publisher;
    this.operatorTenant = operatorTenant;
    this.tenantViews = tenantViews;
  }

  <S, C extends Payload, E extends Payload> void record(Aggregate<S, C, E> aggregate,
      AggregateStates states, String id, Envelope command, List<E> events) {
    for (int i = 0; i < events.size(); i++) {
      E event = events.get(i);
      S before = states.get(aggregate, id);
      S after = aggregate.evolve(before, event);
      String site = aggregate.siteOf(after, event);
      Map<String, String> meta = metadata(command, aggregate.version(after));
      meta.put(Metadata.OUTCOME, (i + 1) + "/" + events.size());
      String eventId = EventIds.derived(command.eventId(), "event", String.valueOf(i));
      publisher.publish(aggregate.eventTopics(), operatorTenant, id,
          Envelope.of(eventId, operatorTenant, site, command.timestamp(), event, meta));
      copies(id, before, after, event, site, eventId, command, aggregate.version(after));
      states.put(aggregate, id, after);
    }
    states.markHandled(command.eventId());
  }

  <S, C extends Payload, E extends Payload> void rejected(Aggregate<S, C, E> aggregate,
      AggregateStates states, String id, Envelope command, Decision.Rejected<E> refusal,
      Integer expectedVersion) {
    S state = states.get(aggregate, id);
    E event = aggregate.rejected(id, command.eventId(), command.eventType(), refusal.code(),
        refusal.reason(), expectedVersion, aggregate.version(state), command.timestamp());
    if (event != null) {
      Map<String, String> meta = metadata(command, aggregate.version(state));
      meta.put(Metadata.OUTCOME, "1/1");
      publisher.publish(aggregate.eventTopics(), operatorTenant, id, Envelope.of(
          EventIds.derived(command.eventId(), "rejected"), operatorTenant, command.siteId(),
          command.timestamp(), event, meta));
    }
    states.markHandled(command.eventId());
  }

  private void copies(String key, Object before, Object after, Payload event, String site, String eventId,
      Envelope command, int version) {
    Map<String, String> meta = metadata(command, version);
    meta.remove(Metadata.REQUESTED_BY);
    if (event instanceof IncidentEvent incidentEvent && after instanceof Incident incident) {
      List<TenantViews.Copy> copies = tenantViews.copies((Incident) before, incident,
          incidentEvent, site);
      for (int j = 0; j < copies.size(); j++) {
        TenantViews.Copy copy = copies.get(j);
        publisher.publish(TopicFamily.INCIDENT_LIFECYCLE, copy.tenantId(), key,
            Envelope.of(EventIds.derived(eventId, copy.tenantId(),
                String.valueOf(j)), copy.tenantId(), copy.siteId(), command.timestamp(),
                copy.event(), meta));
      }
    } else if (event instanceof SlaBreached breach
        && !breach.tenantId().equals(operatorTenant)) {
      publisher.publish(TopicFamily.INCIDENT_LIFECYCLE, breach.tenantId(), key,
          Envelope.of(EventIds.derived(eventId, breach.tenantId()), breach.tenantId(), site,
              command.timestamp(), breach, meta));
    }
  }

  private static Map<String, String> metadata(Envelope command, int version) {
    Map<String, String> meta = new HashMap<>();
    meta.put(Metadata.PRODUCER, Metadata.PRODUCER_NAME);
    meta.put(Metadata.CAUSATION_ID, command.eventId());
    meta.put(Metadata.CORRELATION_ID, command.metadata().getOrDefault(Metadata.CORRELATION_ID,
        command.eventId()));
    meta.put(Metadata.COMMAND_TYPE, command.eventType());
    meta.put(Metadata.AGGREGATE_VERSION, String.valueOf(version));
    String by = command.metadata().get(Metadata.REQUESTED_BY);
    if (by != null) {
      meta.put(Metadata.REQUESTED_BY, by);
    }
    return meta;
  }
}
