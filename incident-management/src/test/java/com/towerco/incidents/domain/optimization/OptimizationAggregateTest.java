package com.towerco.incidents.domain.optimization;

import static com.towerco.incidents.domain.GivenWhenThen.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.optimization.ApplyOptimization;
import com.towerco.events.payload.optimization.ApproveOptimization;
import com.towerco.events.payload.optimization.OptimizationApplied;
import com.towerco.events.payload.optimization.OptimizationApproved;
import com.towerco.events.payload.optimization.OptimizationKind;
import com.towerco.events.payload.optimization.OptimizationProposed;
import com.towerco.events.payload.optimization.OptimizationRejected;
import com.towerco.events.payload.optimization.OptimizationRolledBack;
import com.towerco.events.payload.optimization.OptimizationVerified;
import com.towerco.events.payload.optimization.ProposeOptimization;
import com.towerco.events.payload.optimization.RejectOptimization;
import com.towerco.events.payload.RejectionCode;
import com.towerco.events.payload.optimization.RollBackOptimization;
import com.towerco.events.payload.optimization.VerifyOptimization;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizationAggregateTest {
  private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
  private static final String ID = "opt-grid-priority-S1";
  private final OptimizationAggregate optimization =
      new OptimizationAggregate(Duration.ofDays(7));

  private static ProposeOptimization propose(Instant day) {
    return new ProposeOptimization(ID, "S1", OptimizationKind.GRID_PRIORITY, "Grid priority",
        "ran on grid", Map.of("generator_on_grid_h", 6.0), Map.of("fuel_l", 15.0), day);
  }

  private static OptimizationProposed proposed(Instant at) {
    return new OptimizationProposed(ID, "S1", OptimizationKind.GRID_PRIORITY, "Grid priority",
        "ran on grid", Map.of("generator_on_grid_h", 6.0), Map.of("fuel_l", 15.0), at);
  }

  private static final OptimizationApproved APPROVED =
      new OptimizationApproved(ID, "ada", null, T0.plusSeconds(60));
  private static final OptimizationApplied APPLIED = new OptimizationApplied(ID, "tom", null,
      T0.plusSeconds(120), T0.plusSeconds(120).plus(Duration.ofDays(7)));

  @Test
  void theAdvisorsProposalIsRecordedOnceAndRepeatsChangeNothing() {
    given(optimization).when(propose(T0), T0).then(proposed(T0))
        .when(propose(T0.plus(Duration.ofDays(1))), T0.plus(Duration.ofDays(1)))
        .thenNothingHappens();
  }

  @Test
  void aProposalIsApprovedThenAppliedWithItsMeasurementWindow() {
    var scenario = given(optimization, proposed(T0))
        .when(new ApproveOptimization(ID, 1, "ada", null), T0.plusSeconds(60)).then(APPROVED)
        .when(new ApplyOptimization(ID, 2, "tom", null), T0.plusSeconds(120)).then(APPLIED);
    assertThat(scenario.state().status()).isEqualTo(OptimizationStatus.APPLIED);
  }

  @Test
  void onlyAnApprovedOptimizationCanBeApplied() {
    given(optimization, proposed(T0)).when(new ApplyOptimization(ID, 1, "tom", null), T0)
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION,
            "a proposed optimization cannot be applied");
  }

  @Test
  void aProposedOrApprovedOptimizationCanBeRejectedButNotAnAppliedOne() {
    given(optimization, proposed(T0), APPROVED)
        .when(new RejectOptimization(ID, 2, "ada", "site to be decommissioned"), T0)
        .then(new OptimizationRejected(ID, "ada", "site to be decommissioned", T0));
    given(optimization, proposed(T0), APPROVED, APPLIED)
        .when(new RejectOptimization(ID, 3, "ada", "no"), T0)
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "cannot be rejected");
  }

  @Test
  void measuredSavingsVerifyAnAppliedOptimization() {
    Instant end = T0.plus(Duration.ofDays(8));
    var scenario = given(optimization, proposed(T0), APPROVED, APPLIED)
        .when(new VerifyOptimization(ID, "fuel_l", "l", 15, 4, 6, T0, end), end)
        .then(new OptimizationVerified(ID, "fuel_l", "l", 15, 4, 11, 6, true, end));
    assertThat(scenario.state().verification().savingsPerDay()).isEqualTo(11);
  }

  @Test
  void aVerificationBeforeApplicationChangesNothing() {
    given(optimization, proposed(T0), APPROVED)
        .when(new VerifyOptimization(ID, "fuel_l", "l", 15, 4, 6, T0, T0), T0)
        .thenNothingHappens();
  }

  @Test
  void anAppliedOrVerifiedOptimizationCanBeRolledBack() {
    given(optimization, proposed(T0), APPROVED, APPLIED)
        .when(new RollBackOptimization(ID, 3, "ada", "generator overheats"), T0)
        .then(new OptimizationRolledBack(ID, "ada", "generator overheats", T0));
    given(optimization, proposed(T0))
        .when(new RollBackOptimization(ID, 1, "ada", "x"), T0)
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "cannot be rolled back");
  }

  @Test
  void aRejectedOptimizationIsProposedAgainOnlyAfterTheCoolDown() {
    var rejected = new OptimizationRejected(ID, "ada", "not now", T0);
    Instant soon = T0.plus(Duration.ofDays(10));
    Instant later = T0.plus(OptimizationAggregate.PROPOSE_AGAIN_AFTER);
    var scenario = given(optimization, proposed(T0), rejected)
        .when(propose(soon), soon).thenNothingHappens()
        .when(propose(later), later).then(proposed(later));
    assertThat(scenario.state().round()).isEqualTo(2);
    assertThat(scenario.version()).isEqualTo(3);
  }

  @Test
  void peoplesCommandsNeedAnExistingOptimizationAndTheCurrentVersion() {
    given(optimization).when(new ApproveOptimization(ID, 1, "ada", null), T0)
        .thenRejected(RejectionCode.NOT_FOUND, "optimization " + ID + " not found");
    given(optimization, proposed(T0), APPROVED)
        .when(new ApplyOptimization(ID, 1, "tom", null), T0)
        .thenRejected(RejectionCode.STALE_VERSION, "expected version 1");
  }
}
