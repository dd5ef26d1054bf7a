package com.towerco.incidents.domain.incident;

import static com.towerco.incidents.domain.GivenWhenThen.given;
import static com.towerco.incidents.domain.incident.IncidentFixtures.ID;
import static com.towerco.incidents.domain.incident.IncidentFixtures.TIMEOUTS;
import static com.towerco.incidents.domain.incident.IncidentFixtures.at;
import static com.towerco.incidents.domain.incident.IncidentFixtures.dispatchRequested;
import static com.towerco.incidents.domain.incident.IncidentFixtures.opened;
import static com.towerco.incidents.domain.incident.IncidentFixtures.resolved;
import static com.towerco.incidents.domain.incident.IncidentFixtures.technicianAssigned;
import static com.towerco.incidents.domain.incident.IncidentFixtures.technicianOnSite;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.incident.AssignTechnician;
import com.towerco.events.payload.incident.CancelDispatch;
import com.towerco.events.payload.incident.DispatchCancelled;
import com.towerco.events.payload.incident.DispatchEscalated;
import com.towerco.events.payload.incident.DispatchStep;
import com.towerco.events.payload.incident.EscalateDispatch;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.incident.IncidentSymptomsCleared;
import com.towerco.events.payload.RejectionCode;
import com.towerco.events.payload.incident.ReportArrival;
import com.towerco.events.payload.incident.ReportWorkDone;
import com.towerco.events.payload.incident.RequestDispatch;
import com.towerco.events.payload.incident.TechnicianAssigned;
import com.towerco.events.payload.incident.TechnicianOnSite;
import com.towerco.events.payload.incident.VerifyWork;
import com.towerco.events.payload.incident.WorkCompleted;
import com.towerco.events.payload.incident.WorkVerified;
import org.junit.jupiter.api.Test;

class DispatchRulesTest {
  private final IncidentAggregate incident = new IncidentAggregate(TIMEOUTS);

  @Test
  void aDispatchRequestIsDueForATechnicianWithinTheAssignTimeout() {
    var scenario = given(incident, opened())
        .when(new RequestDispatch(ID, 1, "ada", "S1", "replace the rectifier"), at(2))
        .then(dispatchRequested());
    assertThat(scenario.state().dispatch("d1").orElseThrow().dueAt())
        .isEqualTo(at(2).plus(DispatchSaga.ASSIGN_WITHIN));
  }

  @Test
  void aDispatchGoesOnlyToASiteOfTheIncidentAndOneAtATime() {
    given(incident, opened()).when(new RequestDispatch(ID, 1, "ada", "S7", "x"), at(2))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "site S7 is not affected");
    given(incident, opened(), dispatchRequested())
        .when(new RequestDispatch(ID, 2, "ada", "S1", "again"), at(3))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "already in progress");
    given(incident, opened(), dispatchRequested())
        .when(new RequestDispatch(ID, 2, "ada", "H1", "the hub itself"), at(3))
        .then(new com.towerco.events.payload.incident.DispatchRequested(ID, "d2", "H1", "the hub itself",
            "ada", at(3), at(3).plus(TIMEOUTS.assign())));
  }

  @Test
  void aRequestedDispatchGetsATechnicianDueOnSiteWithinTheArriveTimeout() {
    given(incident, opened(), dispatchRequested())
        .when(new AssignTechnician(ID, 2, "ada", "d1", "tom"), at(5))
        .then(technicianAssigned());
  }

  @Test
  void theTechnicianArrivesWorksAndTheNocVerifiesStepByStep() {
    var scenario = given(incident, opened(), dispatchRequested(), technicianAssigned())
        .when(new ReportArrival(ID, 3, "tom", "d1"), at(60))
        .then(technicianOnSite())
        .when(new ReportWorkDone(ID, 4, "tom", "d1", "rectifier module swapped"), at(90))
        .then(new WorkCompleted(ID, "d1", "rectifier module swapped", "tom", at(90),
            at(90).plus(TIMEOUTS.verify())))
        .when(new VerifyWork(ID, 5, "ada", "d1", "voltages normal"), at(100))
        .then(new WorkVerified(ID, "d1", "ada", "voltages normal", at(100)));
    assertThat(scenario.state().dispatch("d1").orElseThrow().step())
        .isEqualTo(DispatchStep.VERIFIED);
    assertThat(scenario.state().status()).isEqualTo(IncidentStatus.OPEN);
  }

  @Test
  void verifyingTheWorkResolvesAnIncidentWhoseSymptomsClearedMeanwhile() {
    var done = new WorkCompleted(ID, "d1", "fixed", "tom", at(90), at(90).plus(TIMEOUTS.verify()));
    var scenario = given(incident, opened(), dispatchRequested(), technicianAssigned(),
        technicianOnSite(), new IncidentSymptomsCleared(ID, "grid back", at(70)), done)
        .when(new VerifyWork(ID, 6, "ada", "d1", null), at(100))
        .then(new WorkVerified(ID, "d1", "ada", null, at(100)),
            new IncidentResolved(ID, at(100), "symptoms cleared and field work d1 verified",
                "ada"));
    assertThat(scenario.state().status()).isEqualTo(IncidentStatus.RESOLVED);
  }

  @Test
  void stepsCannotBeSkipped() {
    given(incident, opened(), dispatchRequested())
        .when(new ReportArrival(ID, 2, "tom", "d1"), at(10))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "dispatch d1 is requested and cannot"
            + " be reported on site");
    given(incident, opened(), dispatchRequested(), technicianAssigned())
        .when(new ReportWorkDone(ID, 3, "tom", "d1", "done"), at(10))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "cannot be reported done");
    given(incident, opened(), dispatchRequested(), technicianAssigned(), technicianOnSite())
        .when(new VerifyWork(ID, 4, "ada", "d1", null), at(70))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "cannot be verified");
  }

  @Test
  void anUnknownDispatchIsNotFound() {
    given(incident, opened()).when(new AssignTechnician(ID, 1, "ada", "d9", "tom"), at(5))
        .thenRejected(RejectionCode.NOT_FOUND, "dispatch d9 not found");
  }

  @Test
  void aDispatchCanBeCancelledBeforeArrivalButNotAfter() {
    given(incident, opened(), dispatchRequested(), technicianAssigned())
        .when(new CancelDispatch(ID, 3, "ada", "d1", "fixed remotely"), at(20))
        .then(new DispatchCancelled(ID, "d1", "fixed remotely", "ada", at(20)));
    given(incident, opened(), dispatchRequested(), technicianAssigned(), technicianOnSite())
        .when(new CancelDispatch(ID, 4, "ada", "d1", "too late"), at(70))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "on site and cannot be cancelled");
  }

  @Test
  void theSagasCompensatingCancelChangesNothingOnceTheTechnicianHasArrived() {
    given(incident, opened(), dispatchRequested(), technicianAssigned(), technicianOnSite())
        .when(new CancelDispatch(ID, null, DispatchSaga.ACTOR, "d1", "resolved"), at(70))
        .thenNothingHappens();
  }

  @Test
  void aTechnicianCannotBeAssignedOnceTheIncidentResolved() {
    given(incident, opened(), dispatchRequested(), resolved())
        .when(new AssignTechnician(ID, 3, "ada", "d1", "tom"), at(31))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "the incident is resolved");
  }

  @Test
  void anOverdueStepEscalatesAndIsDueAgainOneTimeoutLater() {
    var due = at(2).plus(TIMEOUTS.assign());
    var scenario = given(incident, opened(), dispatchRequested())
        .when(new EscalateDispatch(ID, "d1", DispatchStep.REQUESTED, due), due)
        .then(new DispatchEscalated(ID, "d1", DispatchStep.REQUESTED, 1, due, due,
            due.plus(TIMEOUTS.assign())));
    assertThat(scenario.state().dispatch("d1").orElseThrow().escalations()).isEqualTo(1);
  }

  @Test
  void aTimerOvertakenByProgressChangesNothing() {
    var due = at(2).plus(TIMEOUTS.assign());
    given(incident, opened(), dispatchRequested(), technicianAssigned())
        .when(new EscalateDispatch(ID, "d1", DispatchStep.REQUESTED, due), due)
        .thenNothingHappens();
  }

  @Test
  void reassigningATechnicianBeforeArrivalRestartsTheArrivalClock() {
    given(incident, opened(), dispatchRequested(), technicianAssigned())
        .when(new AssignTechnician(ID, 3, "ada", "d1", "sam"), at(20))
        .then(new TechnicianAssigned(ID, "d1", "sam", "ada", at(20),
            at(20).plus(TIMEOUTS.arrive())))
        .when(new ReportArrival(ID, 4, "sam", "d1"), at(80))
        .then(new TechnicianOnSite(ID, "d1", "sam", "sam", at(80),
            at(80).plus(TIMEOUTS.work())));
  }
}
