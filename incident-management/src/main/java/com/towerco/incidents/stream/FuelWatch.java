package com.towerco.incidents.stream;

import com.towerco.events.EventIds;
import com.towerco.events.payload.refuel.ConfirmFuelLevel;
import com.towerco.events.payload.refuel.RefuelCommand;
import com.towerco.events.payload.refuel.RefuelDelivered;
import com.towerco.incidents.domain.refuel.Refuel;
import com.towerco.incidents.domain.refuel.RefuelSaga;
import com.towerco.incidents.domain.refuel.RefuelStatus;
import com.towerco.incidents.view.AggregateProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs the event-driven half of the refuelling saga: fuel readings from site telemetry go to the
 * {@link RefuelSaga}, which orders a refuel when a tank will run dry before its next delivery
 * round, and reports the settled level after each delivery. A site with an order in progress,
 * or one placed within a day of the reading, gets no second order (so replayed readings do not
 * order again).
 */
final class FuelWatch {
  private static final Duration ONE_ORDER_PER = Duration.ofDays(1);

  private final RefuelSaga saga = new RefuelSaga();
  private final AggregateProjection<Refuel, ?, ?> refuels;
  private final CommandBus bus;

  FuelWatch(AggregateProjection<Refuel, ?, ?> refuels, CommandBus bus) {
    this.refuels = refuels;
    this.bus = bus;
  }

  /** A reading of a site's fuel tank: level and capacity, litres. */
  void telemetry(String siteId, Instant at, double levelL, double capacityL) {
    for (RefuelCommand command : saga.reading(siteId, at, levelL, capacityL,
        site -> hasOrder(site, at))) {
      send(command, at, siteId);
    }
  }

  void delivered(RefuelDelivered delivery) {
    saga.delivered(delivery.refuelId(), delivery.siteId(), delivery.deliveredAt())
        .ifPresent(c -> send(c, ((ConfirmFuelLevel) c).observedAt(), delivery.siteId()));
  }

  private boolean hasOrder(String siteId, Instant at) {
    return refuels.all().stream().map(AggregateProjection.Entry::state)
        .filter(r -> r.siteId().equals(siteId))
        .anyMatch(r -> r.status() == RefuelStatus.REQUESTED
            || r.status() == RefuelStatus.DELIVERED
            || r.prediction().predictedAt().isAfter(at.minus(ONE_ORDER_PER)));
  }

  private void send(RefuelCommand command, Instant at, String siteId) {
    if (command instanceof ConfirmFuelLevel && refuels.get(command.refuelId())
        .map(e -> e.state().status() != RefuelStatus.DELIVERED).orElse(false)) {
      return; // already confirmed or flagged (a replay after the fact)
    }
    String kind = command.getClass().getSimpleName();
    bus.send(EventIds.derived(kind, command.refuelId()), command, at, siteId,
        Map.of(Metadata.CORRELATION_ID, command.refuelId()));
  }
}
