package com.towerco.dashboard.domain;

import static com.towerco.dashboard.domain.Fixtures.at;
import static com.towerco.dashboard.domain.Fixtures.attached;
import static com.towerco.dashboard.domain.Fixtures.event;
import static com.towerco.dashboard.domain.Fixtures.incidentResolved;
import static com.towerco.dashboard.domain.Fixtures.opened;
import static com.towerco.dashboard.domain.Fixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.payload.RejectionCode;
import com.towerco.events.payload.incident.DispatchRequested;
import com.towerco.events.payload.incident.IncidentCommandRejected;
import com.towerco.events.payload.incident.IncidentNoteAdded;
import com.towerco.events.payload.incident.SlaBreached;
import com.towerco.events.payload.incident.TechnicianAssigned;
import com.towerco.platform.access.Viewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentTimelineTest {
  private DashboardModel model;
  private ReadQueries queries;

  @BeforeEach
  void fleet() {
    model = new DashboardModel(ModelLimits.defaults(), new UpdateLog(1_000, 1));
    queries = model.queries();
    model.register("H1", site("nairobi", null));
    model.register("S1", site("nairobi", "H1", "opA"));
    model.register("S2", site("nairobi", "H1", "opB"));
  }

  @Test
  void anIncidentTimelineHoldsEveryLifecycleEventOnceInEventTime() {
    Envelope open = event("opA", "H1", at(0),
        opened("I1", "H1", List.of("S1", "S2"), List.of("opA", "opB"), "A1"));
    model.apply(event("opA", "S2", at(30), incidentResolved("I1", at(30))));
    model.apply(event("opA", "S2", at(10), attached("I1", "A2", "S2", at(10))));
    model.apply(open);
    // the same opening fanned out to the other tenant's topic, under another event id
    model.apply(event("opB", "H1", at(0), open.payload()));

    IncidentDetail detail = queries.incident(Viewer.noc(), "I1").orElseThrow();
    assertThat(detail.timeline()).extracting(TimelineEntry::eventType).containsExactly(
        "incident.opened", "incident.alert-attached", "incident.resolved");
    assertThat(detail.incident().state()).isEqualTo(IncidentSummary.State.RESOLVED);
    assertThat(detail.incident().rootCause().siteId()).isEqualTo("H1");
    assertThat(detail.incident().alertIds()).containsExactly("A1", "A2");
    assertThat(detail.timeline().get(0).summary()).contains("transmission_failure", "90%");
  }

  @Test
  void mergesCopiesOfOneIncidentPublishedToEachAffectedTenant() {
    model.apply(event("opA", "H1", at(0), Fixtures.firing("A1", "H1", List.of("opA"))));
    model.apply(event("opB", "H1", at(0), Fixtures.firing("B1", "H1", List.of("opB"))));
    model.apply(event("opA", "H1", at(0),
        opened("I1", "H1", List.of("S1", "S2"), List.of("opA"), "A1")));
    model.apply(event("opB", "H1", at(0),
        opened("I1", "H1", List.of("S1", "S2"), List.of("opB"), "B1")));

    IncidentDetail detail = queries.incident(Viewer.noc(), "I1").orElseThrow();
    assertThat(detail.timeline()).singleElement().satisfies(e -> assertThat(
        e.details().get("affected_tenants")).isEqualTo(List.of("opA", "opB")));
    assertThat(detail.incident().affectedTenants()).containsExactly("opA", "opB");
    assertThat(detail.incident().alertIds()).containsExactly("A1", "B1");
    IncidentDetail forB = queries.incident(Viewer.tenant("opB"), "I1").orElseThrow();
    assertThat(forB.incident().affectedTenants()).containsExactly("opB");
    assertThat(forB.incident().alertIds()).containsExactly("B1");
    assertThat(forB.alerts()).extracting(AlertView::alertId).containsExactly("B1");
    assertThat(forB.timeline().get(0).details().get("alert_ids")).isEqualTo(List.of("B1"));
  }

  @Test
  void aTenantSeesOnlyIncidentsAffectingItAndNotTheOtherTenantsOrTheirSites() {
    model.apply(event("opA", "H1", at(0),
        opened("I1", "H1", List.of("S1", "S2"), List.of("opA", "opB"), "A1")));
    model.apply(event("opB", "S2", at(0),
        opened("I2", "S2", List.of("S2"), List.of("opB"), "A3")));

    assertThat(queries.incidents(Viewer.tenant("opA"), Queries.Incidents.all()))
        .singleElement().satisfies(i -> {
          assertThat(i.incidentId()).isEqualTo("I1");
          assertThat(i.affectedTenants()).containsExactly("opA");
          assertThat(i.affectedSites()).containsExactly("S1");
        });
    IncidentDetail forA = queries.incident(Viewer.tenant("opA"), "I1").orElseThrow();
    assertThat(forA.timeline().get(0).details().get("affected_tenants"))
        .isEqualTo(List.of("opA"));
    assertThat(queries.incident(Viewer.tenant("opA"), "I2")).isEmpty();
    assertThat(queries.incidents(Viewer.noc(),
        new Queries.Incidents(null, "S2", null, 10))).hasSize(2);
  }

  @Test
  void aTenantNeverSeesInternalNotesRefusalsOrStepsAtSitesWhereItHasNoTenancy() {
    model.apply(event("towerco", "H1", at(0),
        opened("I1", "H1", List.of("S1", "S2"), List.of("opA", "opB"), "A1")));
    model.apply(event("towerco", "S1", at(1), new IncidentNoteAdded("I1", "n1",
        "INTERNAL-NOTE-CANARY", "noc-alice", false, at(1))));
    model.apply(event("towerco", "S1", at(2), new IncidentNoteAdded("I1", "n2",
        "a technician is on the way", "noc-alice", true, at(2))));
    model.apply(event("towerco", "S1", at(3), new IncidentCommandRejected("I1", "c1",
        "incident.acknowledge", RejectionCode.STALE_VERSION, "REJECTION-CANARY", 0, 3, at(3))));
    model.apply(event("towerco", "S2", at(4), new DispatchRequested("I1", "d1", "S2",
        "DISPATCH-CANARY", "noc-alice", at(4), at(9))));
    model.apply(event("towerco", "S2", at(5), new TechnicianAssigned("I1", "d1",
        "TECHNICIAN-CANARY", "noc-alice", at(5), at(9))));
    model.apply(event("towerco", "S2", at(6), new SlaBreached("opB", "S2", "2026-03", 99.95,
        99.0, 400, 21.6, "I1", at(6))));
    model.apply(event("towerco", "S1", at(7), new DispatchRequested("I1", "d2", "S1",
        "to the tenant's own site", "noc-alice", at(7), at(9))));

    String forA = queries.incident(Viewer.tenant("opA"), "I1").orElseThrow().toString();
    assertThat(forA).contains("a technician is on the way", "to the tenant's own site")
        .doesNotContain("INTERNAL-NOTE-CANARY", "REJECTION-CANARY", "DISPATCH-CANARY",
            "TECHNICIAN-CANARY", "opB", "S2");
    assertThat(queries.incident(Viewer.tenant("opA"), "I1").orElseThrow().incident().phase())
        .isEqualTo("note-added");
    assertThat(queries.incident(Viewer.tenant("opB"), "I1").orElseThrow().toString())
        .contains("DISPATCH-CANARY", "TECHNICIAN-CANARY", "sla-breached")
        .doesNotContain("INTERNAL-NOTE-CANARY", "REJECTION-CANARY");
    assertThat(queries.incident(Viewer.noc(), "I1").orElseThrow().toString()).contains(
        "INTERNAL-NOTE-CANARY", "REJECTION-CANARY", "DISPATCH-CANARY", "TECHNICIAN-CANARY");

    List<Object> pushedToA = new ArrayList<>();
    for (UpdateLog.Entry e : model.updates().after(0).entries()) {
      if (e.update().visibleTo(Viewer.tenant("opA"))) {
        pushedToA.add(e.update().renderFor(Viewer.tenant("opA")));
      }
    }
    assertThat(pushedToA.toString()).contains("a technician is on the way")
        .doesNotContain("INTERNAL-NOTE-CANARY", "REJECTION-CANARY", "DISPATCH-CANARY",
            "TECHNICIAN-CANARY", "opB", "S2");
  }

  @Test
  void aTenantSeesOnlyTheCandidateCausesAtItsOwnSitesAndTheHeadlineOne() {
    model.apply(event("towerco", "H1", at(0), new com.towerco.events.payload.incident
        .IncidentOpened("I1", "Hub H1", com.towerco.events.payload.alert.AlertSeverity.MAJOR,
        new com.towerco.events.payload.incident.IncidentOpened.RootCause("H1", "hub", "d", 0.8),
        List.of("A1"), List.of("S1", "S2"), List.of("opA", "opB"), at(0), List.of(
            cause("H1"), cause("S1"), cause("S2")))));

    String forA = queries.incident(Viewer.tenant("opA"), "I1").orElseThrow().timeline()
        .get(0).details().get("ranked_causes").toString();
    assertThat(forA).contains("site_id=H1", "site_id=S1").doesNotContain("S2");
  }

  private static com.towerco.events.payload.incident.RankedCause cause(String site) {
    return new com.towerco.events.payload.incident.RankedCause(site, "mains", "why", 0.5,
        "path", List.of());
  }

  @Test
  void showsLifecycleEventsOfTypesItDoesNotKnowGenerically() {
    IncidentBook book = new IncidentBook(10, 10, 50);
    book.apply("I1", new TimelineEntry("e1", "incident.opened", at(0), "Opened",
        Map.of("incident_id", "I1")), opened("I1", "H1", List.of("S1"), List.of("opA"), "A1"));
    book.apply("I1", new TimelineEntry("e2", "incident.acknowledged", at(5), "Acknowledged",
        Map.of("incident_id", "I1", "by", "noc-alice")), Map.of());

    IncidentView view = book.find("I1").orElseThrow();
    assertThat(view.summary().phase()).isEqualTo("acknowledged");
    assertThat(view.summary().state()).isEqualTo(IncidentSummary.State.OPEN);
    assertThat(view.timeline()).last().satisfies(e ->
        assertThat(e.details()).containsEntry("by", "noc-alice"));
  }

  @Test
  void keepsTheTimelineBoundedWithTheOpeningFirst() {
    IncidentBook book = new IncidentBook(10, 10, 3);
    book.apply("I1", new TimelineEntry("e0", "incident.opened", at(0), "Opened", Map.of()),
        opened("I1", "H1", List.of("S1"), List.of("opA"), "A1"));
    for (int i = 1; i <= 5; i++) {
      book.apply("I1", new TimelineEntry("e" + i, "incident.alert-attached", at(i), "",
          Map.of("alert_id", "A" + i)), attached("I1", "A" + i, "S1", at(i)));
    }
    assertThat(book.find("I1").orElseThrow().timeline()).extracting(TimelineEntry::eventId)
        .containsExactly("e0", "e4", "e5");
  }
}
