package com.towerco.incidents.domain.refuel;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.refuel.ConfirmFuelLevel;
import com.towerco.events.payload.refuel.RefuelCommand;
import com.towerco.events.payload.refuel.RequestRefuel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefuelSagaTest {
  /** A Thursday: the next delivery round is Monday 2026-11-09 00:00 UTC. */
  private static final Instant T0 = Instant.parse("2026-11-05T08:00:00Z");
  private final RefuelSaga saga = new RefuelSaga();

  private List<RefuelCommand> readings(double start, double perTenMinutes, int count,
      boolean hasOrder) {
    List<RefuelCommand> commands = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      commands.addAll(saga.reading("S1", T0.plus(Duration.ofMinutes(10L * i)),
          start - perTenMinutes * i, 1000, site -> hasOrder));
    }
    return commands;
  }

  @Test
  void deliveryRoundsAreWeeklyOnMondays() {
    assertThat(RefuelSaga.nextRound(T0)).isEqualTo(Instant.parse("2026-11-09T00:00:00Z"));
    assertThat(RefuelSaga.nextRound(Instant.parse("2026-11-09T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
  }

  @Test
  void aTankThatRunsDryBeforeTheNextRoundIsRefuelledAfterAnHourOfEvidence() {
    List<RefuelCommand> commands = readings(300, 20, 7, false);
    assertThat(commands).hasSize(1);
    RequestRefuel order = (RequestRefuel) commands.get(0);
    Instant at = T0.plus(Duration.ofMinutes(60));
    assertThat(order.refuelId()).isEqualTo("ref-S1-20261105");
    assertThat(order.burnLph()).isEqualTo(120.0);
    assertThat(order.levelL()).isEqualTo(180.0);
    assertThat(order.predictedRunoutAt()).isEqualTo(at.plus(Duration.ofMinutes(90)));
    assertThat(order.deliverBy()).as("never sooner than the minimum lead")
        .isEqualTo(at.plus(RefuelSaga.MIN_LEAD));
    assertThat(order.litres()).isEqualTo(820.0);
  }

  @Test
  void aTankThatLastsUntilTheNextRoundNeedsNothing() {
    assertThat(readings(900, 1, 13, false)).isEmpty();
  }

  @Test
  void aSiteWithAnOrderInProgressGetsNoSecondOne() {
    assertThat(readings(300, 20, 13, true)).isEmpty();
  }

  @Test
  void theSettledLevelAfterADeliveryIsReported() {
    readings(300, 20, 7, true);
    Instant delivered = T0.plus(Duration.ofMinutes(65));
    assertThat(saga.delivered("ref-1", "S1", delivered)).as("no settled reading yet").isEmpty();
    assertThat(saga.reading("S1", delivered.plus(Duration.ofMinutes(5)), 700, 1000, s -> true))
        .as("still settling").isEmpty();
    List<RefuelCommand> report = saga.reading("S1", delivered.plus(Duration.ofMinutes(12)),
        950, 1000, s -> true);
    assertThat(report).containsExactly(new ConfirmFuelLevel("ref-1", 180, 950,
        delivered.plus(Duration.ofMinutes(12))));
  }

  @Test
  void aDeliveryReplayedAfterItsReadingsIsReportedAtOnce() {
    readings(300, 20, 7, true);
    Instant delivered = T0.plus(Duration.ofMinutes(62));
    saga.reading("S1", delivered.plus(Duration.ofMinutes(20)), 960, 1000, s -> true);
    assertThat(saga.delivered("ref-1", "S1", delivered)).contains(new ConfirmFuelLevel("ref-1",
        180, 960, delivered.plus(Duration.ofMinutes(20))));
  }

  @Test
  void theToleranceIsTwentyLitresOrFivePercent() {
    assertThat(RefuelSaga.tolerance(100)).isEqualTo(20.0);
    assertThat(RefuelSaga.tolerance(1000)).isEqualTo(50.0);
  }
}
