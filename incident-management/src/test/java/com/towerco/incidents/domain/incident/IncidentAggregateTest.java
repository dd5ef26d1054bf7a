package com.towerco.incidents.domain.incident;

import static com.towerco.incidents.domain.GivenWhenThen.given;
import static com.towerco.incidents.domain.incident.IncidentFixtures.ID;
import static com.towerco.incidents.domain.incident.IncidentFixtures.T0;
import static com.towerco.incidents.domain.incident.IncidentFixtures.TIMEOUTS;
import static com.towerco.incidents.domain.incident.IncidentFixtures.acknowledged;
import static com.towerco.incidents.domain.incident.IncidentFixtures.at;
import static com.towerco.incidents.domain.incident.IncidentFixtures.dispatchRequested;
import static com.towerco.incidents.domain.incident.IncidentFixtures.open;
import static com.towerco.incidents.domain.incident.IncidentFixtures.opened;
import static com.towerco.incidents.domain.incident.IncidentFixtures.resolved;
import static com.towerco.incidents.domain.incident.IncidentFixtures.technicianAssigned;
import static com.towerco.incidents.domain.incident.IncidentFixtures.technicianOnSite;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.incident.AcknowledgeIncident;
import com.towerco.events.payload.incident.AddIncidentNote;
import com.towerco.events.payload.incident.AssignIncident;
import com.towerco.events.payload.incident.AttachAlert;
import com.towerco.events.payload.incident.ClearIncident;
import com.towerco.events.payload.incident.CloseIncident;
import com.towerco.events.payload.incident.IncidentAcknowledged;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentAssigned;
import com.towerco.events.payload.incident.IncidentClosed;
import com.towerco.events.payload.incident.IncidentCommandRejected;
import com.towerco.events.payload.incident.IncidentNoteAdded;
import com.towerco.events.payload.incident.IncidentReopened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.incident.IncidentSymptomsCleared;
import com.towerco.events.payload.RejectionCode;
import com.towerco.events.payload.incident.ReopenIncident;
import com.towerco.events.payload.incident.ResolveIncident;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentAggregateTest {
  private final IncidentAggregate incident = new IncidentAggregate(TIMEOUTS);

  @Test
  void opensAnIncidentFromTheAiopsEnginesCommand() {
    var scenario = given(incident).when(open(), T0).then(opened());
    assertThat(scenario.state().status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(scenario.version()).isEqualTo(1);
  }

  @Test
  void aRepeatedOpenChangesNothing() {
    given(incident, opened()).when(open(), at(1)).thenNothingHappens();
  }

  @Test
  void attachingAFurtherAlertGrowsTheAffectedSitesAndTenants() {
    var scenario = given(incident, opened())
        .when(new AttachAlert(ID, "al-2", "S3", List.of("gamma"), at(3)), at(3))
        .then(new IncidentAlertAttached(ID, "al-2", "S3", at(3), List.of("gamma")));
    assertThat(scenario.state().facts().affectedSites()).containsExactly("S1", "S2", "S3");
    assertThat(scenario.state().facts().affectedTenants())
        .containsExactly("altel", "beta", "gamma");
  }

  @Test
  void anAlertAlreadyAttachedOrAttachedToAResolvedIncidentChangesNothing() {
    given(incident, opened()).when(new AttachAlert(ID, "al-1", "S1", List.of("altel"), at(3)),
        at(3)).thenNothingHappens();
    given(incident, opened(), resolved())
        .when(new AttachAlert(ID, "al-9", "S9", List.of(), at(40)), at(40)).thenNothingHappens();
  }

  @Test
  void aNewRootCauseRetitlesTheIncidentAndRaisesItsSeverity() {
    var cause = new com.towerco.events.payload.incident.IncidentOpened.RootCause("S2",
        "generator-failure", "Generator at S2 failed after the mains failure", 0.9);
    var ranked = List.of(new com.towerco.events.payload.incident.RankedCause("S2",
        "generator-failure", "Generator at S2 failed", 0.9, "site S2: mains -> generator",
        List.of("al-1")));
    var scenario = given(incident, opened())
        .when(new com.towerco.events.payload.incident.UpdateRootCause(ID, cause, ranked,
            "new evidence", at(2), "generator failure at S2",
            com.towerco.events.payload.alert.AlertSeverity.CRITICAL), at(2))
        .then(new com.towerco.events.payload.incident.IncidentRootCauseChanged(ID, cause, ranked,
            "new evidence", at(2), "generator failure at S2",
            com.towerco.events.payload.alert.AlertSeverity.CRITICAL));
    assertThat(scenario.state().facts().title()).isEqualTo("generator failure at S2");
    assertThat(scenario.state().facts().severity())
        .isEqualTo(com.towerco.events.payload.alert.AlertSeverity.CRITICAL);
    assertThat(scenario.state().facts().rootCause()).isEqualTo(cause);
  }

  @Test
  void commandsFromTheEngineForAnUnknownIncidentChangeNothing() {
    given(incident).when(new ClearIncident(ID, at(9), "cleared"), at(9)).thenNothingHappens();
    given(incident).when(new AttachAlert(ID, "al-2", "S3", List.of(), at(3)), at(3))
        .thenNothingHappens();
  }

  @Test
  void resolvesByItselfWhenEverySymptomClears() {
    var scenario = given(incident, opened(), acknowledged())
        .when(new ClearIncident(ID, at(30), "all symptoms cleared"), at(30)).then(resolved());
    assertThat(scenario.state().status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(scenario.state().handling().resolvedBy()).isNull();
  }

  @Test
  void aClearWhileATechnicianWorksOnSiteIsRecordedButTheIncidentStaysOpen() {
    var scenario = given(incident, opened(), dispatchRequested(), technicianAssigned(),
        technicianOnSite())
        .when(new ClearIncident(ID, at(70), "grid back"), at(70))
        .then(new IncidentSymptomsCleared(ID, "grid back", at(70)));
    assertThat(scenario.state().status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(scenario.state().handling().symptomsCleared()).isTrue();
  }

  @Test
  void aClearOfAResolvedIncidentChangesNothing() {
    given(incident, opened(), resolved()).when(new ClearIncident(ID, at(31), "again"), at(31))
        .thenNothingHappens();
  }

  @Test
  void aPersonAcknowledgesAnOpenIncident() {
    var scenario = given(incident, opened())
        .when(new AcknowledgeIncident(ID, 1, "ada", "on it"), at(1))
        .then(new IncidentAcknowledged(ID, "ada", "on it", at(1)));
    assertThat(scenario.state().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(scenario.version()).isEqualTo(2);
  }

  @Test
  void anIncidentCannotBeAcknowledgedTwice() {
    given(incident, opened(), acknowledged())
        .when(new AcknowledgeIncident(ID, 2, "bob", null), at(2))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "already acknowledged by ada");
  }

  @Test
  void aCommandMadeAgainstAnOlderVersionIsRefusedAsStale() {
    given(incident, opened(), acknowledged())
        .when(new AssignIncident(ID, 1, "bob", "field-team"), at(2))
        .thenRejected(RejectionCode.STALE_VERSION, "expected version 1 but it is at version 2");
  }

  @Test
  void aPersonsCommandForAnUnknownIncidentIsNotFound() {
    given(incident).when(new AcknowledgeIncident(ID, 1, "ada", null), at(1))
        .thenRejected(RejectionCode.NOT_FOUND, "incident inc-1 not found");
  }

  @Test
  void anActiveIncidentIsAssignedButNotToItsCurrentAssigneeNorOnceResolved() {
    given(incident, opened()).when(new AssignIncident(ID, 1, "ada", "power-team"), at(2))
        .then(new IncidentAssigned(ID, "power-team", "ada", at(2)))
        .when(new AssignIncident(ID, 2, "ada", "power-team"), at(3))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "already assigned to power-team");
    given(incident, opened(), resolved()).when(new AssignIncident(ID, 2, "ada", "x"), at(31))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "cannot assign a resolved incident");
  }

  @Test
  void notesAreNumberedInOrderAndMayBeAddedEvenAfterClosing() {
    var closed = new IncidentClosed(ID, "ada", null, at(40));
    given(incident, opened(), resolved(), closed)
        .when(new AddIncidentNote(ID, 3, "ada", "post-mortem booked", true), at(50))
        .then(new IncidentNoteAdded(ID, "n1", "post-mortem booked", "ada", true, at(50)))
        .when(new AddIncidentNote(ID, 4, "ada", "root cause confirmed", false), at(51))
        .then(new IncidentNoteAdded(ID, "n2", "root cause confirmed", "ada", false, at(51)));
  }

  @Test
  void aPersonResolvesAnActiveIncidentButNotAResolvedOne() {
    var scenario = given(incident, opened(), acknowledged())
        .when(new ResolveIncident(ID, 2, "ada", "generator refuelled"), at(20))
        .then(new IncidentResolved(ID, at(20), "generator refuelled", "ada"));
    assertThat(scenario.state().handling().resolvedBy()).isEqualTo("ada");
    given(incident, opened(), resolved()).when(new ResolveIncident(ID, 2, "ada", "x"), at(31))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "already resolved");
  }

  @Test
  void onlyAResolvedIncidentWithNoDispatchInProgressCanBeClosed() {
    given(incident, opened(), resolved()).when(new CloseIncident(ID, 2, "ada", null), at(40))
        .then(new IncidentClosed(ID, "ada", null, at(40)));
    given(incident, opened()).when(new CloseIncident(ID, 1, "ada", null), at(40))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "only a resolved incident");
    given(incident, opened(), dispatchRequested(), technicianAssigned(), technicianOnSite(),
        new IncidentResolved(ID, at(61), "fixed", "ada"))
        .when(new CloseIncident(ID, 5, "ada", null), at(62))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "dispatch d1 is still on_site");
  }

  @Test
  void reopeningAResolvedIncidentClearsItsAcknowledgementAndResolution() {
    var scenario = given(incident, opened(), acknowledged(), resolved())
        .when(new ReopenIncident(ID, 3, "ada", "grid dropped again"), at(45))
        .then(new IncidentReopened(ID, "ada", "grid dropped again", at(45)));
    assertThat(scenario.state().status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(scenario.state().handling().acknowledgedBy()).isNull();
    assertThat(scenario.state().handling().resolvedAt()).isNull();
    given(incident, opened()).when(new ReopenIncident(ID, 1, "ada", "x"), at(2))
        .thenRejected(RejectionCode.ILLEGAL_TRANSITION, "only a resolved or closed");
  }

  @Test
  void aRefusalIsRecordedWithoutChangingTheIncident() {
    var rejected = new IncidentCommandRejected(ID, "c-9", "incident.acknowledge",
        RejectionCode.STALE_VERSION, "stale", 1, 2, at(3));
    var scenario = given(incident, opened(), acknowledged(), rejected);
    assertThat(scenario.version()).isEqualTo(2);
    assertThat(scenario.state().updatedAt()).isEqualTo(at(1));
  }
}
