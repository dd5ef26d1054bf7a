package com.towerco.incidents.domain.incident;

import static com.towerco.incidents.domain.incident.IncidentFixtures.ID;
import static com.towerco.incidents.domain.incident.IncidentFixtures.TIMEOUTS;
import static com.towerco.incidents.domain.incident.IncidentFixtures.at;
import static com.towerco.incidents.domain.incident.IncidentFixtures.dispatchRequested;
import static com.towerco.incidents.domain.incident.IncidentFixtures.opened;
import static com.towerco.incidents.domain.incident.IncidentFixtures.resolved;
import static com.towerco.incidents.domain.incident.IncidentFixtures.technicianAssigned;
import static com.towerco.incidents.domain.incident.IncidentFixtures.technicianOnSite;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.incident.CancelDispatch;
import com.towerco.events.payload.incident.DispatchEscalated;
import com.towerco.events.payload.incident.DispatchStep;
import com.towerco.events.payload.incident.EscalateDispatch;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.incident.WorkCompleted;
import com.towerco.events.payload.incident.WorkVerified;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DispatchSagaTest {
  private final DispatchSaga saga = new DispatchSaga(TIMEOUTS);

  private static Incident given(IncidentEvent... events) {
    Incident state = null;
    for (IncidentEvent e : events) {
      state = IncidentEvolution.evolve(state, e);
    }
    return state;
  }

  @Test
  void eachStepEscalatesOnceItsDeadlinePassesAndNotBefore() {
    Instant assignDue = at(2).plus(TIMEOUTS.assign());
    assertThat(saga.next(given(opened(), dispatchRequested()), assignDue.minusSeconds(1)))
        .isEmpty();
    assertThat(saga.next(given(opened(), dispatchRequested()), assignDue))
        .containsExactly(new EscalateDispatch(ID, "d1", DispatchStep.REQUESTED, assignDue));

    Instant arriveDue = at(5).plus(TIMEOUTS.arrive());
    assertThat(saga.next(given(opened(), dispatchRequested(), technicianAssigned()), arriveDue))
        .containsExactly(new EscalateDispatch(ID, "d1", DispatchStep.TECHNICIAN_ASSIGNED,
            arriveDue));

    Instant workDue = at(60).plus(TIMEOUTS.work());
    assertThat(saga.next(given(opened(), dispatchRequested(), technicianAssigned(),
        technicianOnSite()), workDue))
        .containsExactly(new EscalateDispatch(ID, "d1", DispatchStep.ON_SITE, workDue));

    Instant verifyDue = at(90).plus(TIMEOUTS.verify());
    assertThat(saga.next(given(opened(), dispatchRequested(), technicianAssigned(),
        technicianOnSite(), new WorkCompleted(ID, "d1", "done", "tom", at(90), verifyDue)),
        verifyDue))
        .containsExactly(new EscalateDispatch(ID, "d1", DispatchStep.WORK_DONE, verifyDue));
  }

  @Test
  void escalationStopsAfterTheMaximumLevel() {
    Instant due = at(2).plus(TIMEOUTS.assign());
    Incident thrice = given(opened(), dispatchRequested(),
        new DispatchEscalated(ID, "d1", DispatchStep.REQUESTED, 1, due, due, due.plusSeconds(60)),
        new DispatchEscalated(ID, "d1", DispatchStep.REQUESTED, 2, due, due, due.plusSeconds(120)),
        new DispatchEscalated(ID, "d1", DispatchStep.REQUESTED, 3, due, due, due.plusSeconds(180)));
    assertThat(saga.next(thrice, due.plusSeconds(3600))).isEmpty();
  }

  @Test
  void anIncidentThatResolvesBeforeTheTechnicianArrivesCancelsTheDispatch() {
    assertThat(saga.next(given(opened(), dispatchRequested(), technicianAssigned(), resolved()),
        at(31)))
        .containsExactly(new CancelDispatch(ID, null, DispatchSaga.ACTOR, "d1",
            "incident resolved before the technician arrived"));
  }

  @Test
  void aTechnicianAlreadyOnSiteIsNotCalledOff() {
    assertThat(saga.next(given(opened(), dispatchRequested(), technicianAssigned(),
        technicianOnSite(), resolved()), at(61))).isEmpty();
  }

  @Test
  void aFinishedDispatchNeedsNothing() {
    Incident verified = given(opened(), dispatchRequested(), technicianAssigned(),
        technicianOnSite(), new WorkCompleted(ID, "d1", "done", "tom", at(90), at(150)),
        new WorkVerified(ID, "d1", "ada", null, at(100)));
    assertThat(saga.next(verified, at(10_000))).isEmpty();
    assertThat(DispatchSaga.engaged(verified)).isFalse();
  }
}
