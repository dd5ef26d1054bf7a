package com.towerco.incidents.domain.refuel;

import com.towerco.events.TopicFamily;
import com.towerco.events.payload.refuel.ConfirmFuelLevel;
import com.towerco.events.payload.refuel.EscalateRefuel;
import com.towerco.events.payload.refuel.FuelRunoutPredicted;
import com.towerco.events.payload.refuel.RecordDelivery;
import com.towerco.events.payload.refuel.RefuelCommand;
import com.towerco.events.payload.refuel.RefuelCommandRejected;
import com.towerco.events.payload.refuel.RefuelDelivered;
import com.towerco.events.payload.refuel.RefuelDiscrepancyFlagged;
import com.towerco.events.payload.refuel.RefuelEscalated;
import com.towerco.events.payload.refuel.RefuelEvent;
import com.towerco.events.payload.refuel.RefuelLevelConfirmed;
import com.towerco.events.payload.refuel.RefuelRequested;
import com.towerco.events.payload.RejectionCode;
import com.towerco.events.payload.refuel.RequestRefuel;
import com.towerco.incidents.domain.Aggregate;
import com.towerco.incidents.domain.Decision;
import java.time.Instant;
import java.util.Optional;

/**
 * A refuel order as an event-sourced aggregate: predicted and requested together, delivered
 * (reported from the field), then confirmed by the tank level or flagged as a discrepancy for
 * the fuel-theft detector; escalated while a delivery is overdue.
 */
public final class RefuelAggregate implements Aggregate<Refuel, RefuelCommand, RefuelEvent> {

  @Override
  public String name() {
    return "refuel";
  }

  @Override
  public TopicFamily commandTopics() {
    return TopicFamily.REFUEL_COMMANDS;
  }

  @Override
  public TopicFamily eventTopics() {
    return TopicFamily.REFUEL_LIFECYCLE;
  }

  @Override
  public Class<RefuelCommand> commandType() {
    return RefuelCommand.class;
  }

  @Override
  public Class<RefuelEvent> eventType() {
    return RefuelEvent.class;
  }

  @Override
  public String idOf(RefuelCommand command) {
    return command.refuelId();
  }

  @Override
  public String idOfEvent(RefuelEvent event) {
    return event.refuelId();
  }

  @Override
  public String siteOf(Refuel state, RefuelEvent event) {
    return event instanceof FuelRunoutPredicted p ? p.siteId()
        : state == null ? "" : state.siteId();
  }

  @Override
  public int version(Refuel state) {
    return state == null ? 0 : state.version();
  }

  @Override
  public Optional<Integer> expectedVersion(RefuelCommand command) {
    return Optional.ofNullable(command.expectedVersion());
  }

  @Override
  public Decision<RefuelEvent> decide(Refuel s, RefuelCommand command, Instant at) {
    if (command instanceof RequestRefuel c) {
      return s != null ? Decision.ignore() : Decision.accept(
          new FuelRunoutPredicted(c.refuelId(), c.siteId(), c.levelL(), c.capacityL(),
              c.burnLph(), c.predictedRunoutAt(), c.nextDeliveryAt(), at),
          new RefuelRequested(c.refuelId(), c.siteId(), c.litres(), c.deliverBy(), at));
    }
    if (s == null) {
      return command.expectedVersion() == null ? Decision.ignore()
          : Decision.notFound("refuel " + command.refuelId() + " not found");
    }
    if (command instanceof RecordDelivery c) {
      if (s.status() != RefuelStatus.REQUESTED) {
        return Decision.illegal("refuel " + s.refuelId() + " is already "
            + s.status().wireName());
      }
      if (c.litres() <= 0) {
        return Decision.illegal("a delivery must have a positive number of litres");
      }
      return Decision.accept(new RefuelDelivered(c.refuelId(), s.siteId(), c.litres(),
          c.requestedBy(), at));
    }
    if (command instanceof ConfirmFuelLevel c) {
      if (s.status() != RefuelStatus.DELIVERED) {
        return Decision.ignore();
      }
      double missing = s.litresDelivered() - (c.levelAfterL() - c.levelBeforeL());
      if (missing <= RefuelSaga.tolerance(s.litresDelivered())) {
        return Decision.accept(new RefuelLevelConfirmed(c.refuelId(), s.siteId(),
            s.litresDelivered(), c.levelBeforeL(), c.levelAfterL(), at));
      }
      return Decision.accept(new RefuelDiscrepancyFlagged(c.refuelId(), s.siteId(),
          s.litresDelivered(), c.levelBeforeL(), c.levelAfterL(),
          Math.min(missing, s.litresDelivered()), at));
    }
    if (command instanceof EscalateRefuel c) {
      boolean stillDue = s.status() == RefuelStatus.REQUESTED && c.dueAt().equals(s.dueAt());
      return !stillDue ? Decision.ignore() : Decision.accept(new RefuelEscalated(c.refuelId(),
          s.siteId(), s.escalations() + 1, c.dueAt(), at, at.plus(RefuelSaga.ESCALATE_EVERY)));
    }
    throw new IllegalArgumentException("unhandled refuel command " + command.getClass());
  }

  @Override
  public Refuel evolve(Refuel s, RefuelEvent event) {
    if (event instanceof FuelRunoutPredicted e) {
      return new Refuel(e.refuelId(), 1, RefuelStatus.REQUESTED, e.siteId(), e, 0, null, null,
          0, 0, null, null, null, null, null, e.predictedAt());
    }
    if (s == null || event instanceof RefuelCommandRejected) {
      return s;
    }
    if (event instanceof RefuelRequested e) {
      return new Refuel(s.refuelId(), s.version() + 1, RefuelStatus.REQUESTED, s.siteId(),
          s.prediction(), e.litres(), e.deliverBy(), e.deliverBy(), 0, 0, null, null, null,
          null, null, e.requestedAt());
    }
    if (event instanceof RefuelEscalated e) {
      return s.next(RefuelStatus.REQUESTED, e.dueAt(), e.level(), e.escalatedAt());
    }
    if (event instanceof RefuelDelivered e) {
      return new Refuel(s.refuelId(), s.version() + 1, RefuelStatus.DELIVERED, s.siteId(),
          s.prediction(), s.litresRequested(), s.deliverBy(), null, s.escalations(),
          e.litres(), e.by(), e.deliveredAt(), null, null, null, e.deliveredAt());
    }
    if (event instanceof RefuelLevelConfirmed e) {
      return measured(s, RefuelStatus.CONFIRMED, e.levelBeforeL(), e.levelAfterL(), 0.0,
          e.confirmedAt());
    }
    if (event instanceof RefuelDiscrepancyFlagged e) {
      return measured(s, RefuelStatus.DISCREPANCY, e.levelBeforeL(), e.levelAfterL(),
          e.missingL(), e.flaggedAt());
    }
    throw new IllegalArgumentException("unhandled refuel event " + event.getClass());
  }

  private static Refuel measured(Refuel s, RefuelStatus status, double before, double after,
      double missing, Instant at) {
    return new Refuel(s.refuelId(), s.version() + 1, status, s.siteId(), s.prediction(),
        s.litresRequested(), s.deliverBy(), null, s.escalations(), s.litresDelivered(),
        s.deliveredBy(), s.deliveredAt(), before, after, missing, at);
  }

  @Override
  public RefuelEvent rejected(String aggregateId, String commandId, String commandType,
      RejectionCode code, String reason, Integer expectedVersion, int actualVersion,
      Instant at) {
    return new RefuelCommandRejected(aggregateId, commandId, commandType, code, reason,
        expectedVersion, actualVersion, at);
  }
}
