package com.towerco.incidents.domain.incident;

import com.towerco.events.TopicFamily;
import com.towerco.events.payload.RejectionCode;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentCommand;
import com.towerco.events.payload.incident.IncidentCommandRejected;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.incidents.domain.Aggregate;
import com.towerco.incidents.domain.Decision;
import com.towerco.platform.access.Disclosure;
import java.time.Instant;
import java.util.Optional;

/** The incident as an event-sourced aggregate on {@code towerco.incidents.{tenant}.*}. */
public final class IncidentAggregate
    implements Aggregate<Incident, IncidentCommand, IncidentEvent> {
  private final IncidentDecider decider;

  public IncidentAggregate(DispatchSaga.Timeouts timeouts) {
    this.decider = new IncidentDecider(timeouts);
  }

  @Override
  public String name() {
    return "incident";
  }

  @Override
  public TopicFamily commandTopics() {
    return TopicFamily.INCIDENT_COMMANDS;
  }

  @Override
  public TopicFamily eventTopics() {
    return TopicFamily.INCIDENT_LIFECYCLE;
  }

  @Override
  public Class<IncidentCommand> commandType() {
    return IncidentCommand.class;
  }

  @Override
  public Class<IncidentEvent> eventType() {
    return IncidentEvent.class;
  }

  @Override
  public String idOf(IncidentCommand command) {
    return command.incidentId();
  }

  @Override
  public String idOfEvent(IncidentEvent event) {
    return event.incidentId();
  }

  @Override
  public String siteOf(Incident state, IncidentEvent event) {
    if (event instanceof IncidentAlertAttached e) {
      return e.siteId();
    }
    String dispatchId = Disclosure.dispatchOf(event);
    if (dispatchId != null && state != null) {
      Optional<Dispatch> d = state.dispatch(dispatchId);
      if (d.isPresent()) {
        return d.get().siteId();
      }
    }
    return state == null ? "" : state.rootSiteId();
  }

  @Override
  public Incident evolve(Incident state, IncidentEvent event) {
    return IncidentEvolution.evolve(state, event);
  }

  @Override
  public int version(Incident state) {
    return state == null ? 0 : state.version();
  }

  @Override
  public Decision<IncidentEvent> decide(Incident state, IncidentCommand command, Instant at) {
    return decider.decide(state, command, at);
  }

  @Override
  public Optional<Integer> expectedVersion(IncidentCommand command) {
    return Optional.ofNullable(command.expectedVersion());
  }

  @Override
  public IncidentEvent rejected(String aggregateId, String commandId, String commandType,
      RejectionCode code, String reason, Integer expectedVersion, int actualVersion,
      Instant at) {
    return new IncidentCommandRejected(aggregateId, commandId, commandType, code, reason,
        expectedVersion, actualVersion, at);
  }
}
