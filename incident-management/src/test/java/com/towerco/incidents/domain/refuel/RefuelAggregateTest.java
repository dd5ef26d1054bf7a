package com.towerco.incidents.domain.refuel;

import static com.towerco.incidents.domain.GivenWhenThen.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.refuel.ConfirmFuelLevel;
import com.towerco.events.payload.refuel.EscalateRefuel;
import com.towerco.events.payload.refuel.FuelRunoutPredicted;
import com.towerco.events.payload.refuel.RecordDelivery;
import com.towerco.events.payload.refuel.RefuelDelivered;
import com.towerco.events.payload.refuel.RefuelDiscrepancyFlagged;
import com.towerco.events.payload.refuel.RefuelEscalated;
import com.towerco.events.payload.refuel.RefuelLevelConfirmed;
import com.towerco.events.payload.refuel.RefuelRequested;
import com.towerco.events.payload.RejectionCode;
import com.towerco.events.payload.refuel.RequestRefuel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefuelAggregateTest {
  private static final Instant T0 = Instant.parse("2026-11-05T08:00:00Z");
  private static final Instant RUNOUT = T0.plus(Duration.ofHours(20));
  private static final Instant DELIVER_BY = RUNOUT.minus(RefuelSaga.SAFETY_MARGIN);
  private static final Instant NEXT_ROUND = Instant.parse("2026-11-09T00:00:00Z");
  private static final String ID = "ref-S1-20261105";
  private final RefuelAggregate refuel = new RefuelAggregate();

  private static final FuelRunoutPredicted PREDICTED = new FuelRunoutPredicted(ID, "S1", 200,
      1000, 10, RUNOUT, NEXT_ROUND, T0);
  private static final RefuelRequested REQUESTED = new RefuelRequested(ID, "S1", 800,
      DELIVER_BY, T0);
  private static final RefuelDelivered DELIVERED = new RefuelDelivered(ID, "S1", 800, "tom",
      T0.plus(Duration.ofHours(5)));

  @Test
  void aPredictedRunOutBeforeTheNextRoundOrdersARefuel() {
    var scenario = given(refuel)
        .when(new RequestRefuel(ID, "S1", 200, 1000, 10, RUNOUT, NEXT_ROUND, 800, DELIVER_BY), T0)
        .then(PREDICTED, REQUESTED);
    assertThat(scenario.state().status()).isEqualTo(RefuelStatus.REQUESTED);
    assertThat(scenario.state().dueAt()).isEqualTo(DELIVER_BY);
  }

  @Test
  void aRepeatedOrderChangesNothing() {
    given(refuel, PREDICTED, REQUESTED)
        .when(new RequestRefuel(ID, "S1", 190, 1000, 10, RUNOUT, NEXT_ROUND, 810, DELIVER_BY), T0)
        .thenNothingHappens();
  }

  @Test
  void theFieldRecordsTheDeliveryOnce() {
    given(refuel, PREDICTED, REQUESTED)
        .when(new RecordDelivery(ID, 2, "tom", 800), DELIVERED.deliveredAt()).then(DELIVERED)
        .when(new RecordDelivery(ID, 3, "tom", 800), DELIVERED.deliveredAt())
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "already delivered");
    given(refuel, PREDICTED, REQUESTED).when(new RecordDelivery(ID, 2, "tom", 0), T0)
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "positive number of litres");
  }

  @Test
  void aLevelRiseMatchingTheDeliveryConfirmsIt() {
    Instant after = DELIVERED.deliveredAt().plus(RefuelSaga.SETTLE);
    var scenario = given(refuel, PREDICTED, REQUESTED, DELIVERED)
        .when(new ConfirmFuelLevel(ID, 150, 930, after), after)
        .then(new RefuelLevelConfirmed(ID, "S1", 800, 150, 930, after));
    assertThat(scenario.state().status()).isEqualTo(RefuelStatus.CONFIRMED);
  }

  @Test
  void fuelMissingFromTheTankIsFlaggedForTheTheftDetector() {
    Instant after = DELIVERED.deliveredAt().plus(RefuelSaga.SETTLE);
    given(refuel, PREDICTED, REQUESTED, DELIVERED)
        .when(new ConfirmFuelLevel(ID, 150, 750, after), after)
        .then(new RefuelDiscrepancyFlagged(ID, "S1", 800, 150, 750, 200, after));
  }

  @Test
  void anOverdueDeliveryEscalatesUntilItArrives() {
    var scenario = given(refuel, PREDICTED, REQUESTED)
        .when(new EscalateRefuel(ID, DELIVER_BY), DELIVER_BY)
        .then(new RefuelEscalated(ID, "S1", 1, DELIVER_BY, DELIVER_BY,
            DELIVER_BY.plus(RefuelSaga.ESCALATE_EVERY)));
    assertThat(RefuelSaga.due(scenario.state(), DELIVER_BY)).isEmpty();
    assertThat(RefuelSaga.due(scenario.state(), DELIVER_BY.plus(RefuelSaga.ESCALATE_EVERY)))
        .contains(new EscalateRefuel(ID, DELIVER_BY.plus(RefuelSaga.ESCALATE_EVERY)));
    given(refuel, PREDICTED, REQUESTED, DELIVERED)
        .when(new EscalateRefuel(ID, DELIVER_BY), DELIVER_BY).thenNothingHappens();
  }
}
