package com.towerco.incidents.domain.incident;

import static com.towerco.incidents.domain.incident.IncidentFixtures.ID;
import static com.towerco.incidents.domain.incident.IncidentFixtures.ROOT;
import static com.towerco.incidents.domain.incident.IncidentFixtures.T0;
import static com.towerco.incidents.domain.incident.IncidentFixtures.acknowledged;
import static com.towerco.incidents.domain.incident.IncidentFixtures.at;
import static com.towerco.incidents.domain.incident.IncidentFixtures.dispatchRequested;
import static com.towerco.incidents.domain.incident.IncidentFixtures.opened;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.RejectionCode;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentCommandRejected;
import com.towerco.events.payload.incident.IncidentEvent;
import com.towerco.events.payload.incident.IncidentNoteAdded;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentRootCauseChanged;
import com.towerco.events.payload.incident.RankedCause;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantViewsTest {
  /** S1 hosts altel; S2 hosts altel and beta; S3 hosts gamma; H1 (the hub) hosts nobody. */
  private final TenantViews views = new TenantViews(site -> Map.of("S1", Set.of("altel"),
      "S2", Set.of("altel", "beta"), "S3", Set.of("gamma")).getOrDefault(site, Set.of()),
      "towerco");

  private static Incident fold(IncidentEvent... events) {
    Incident s = null;
    for (IncidentEvent e : events) {
      s = IncidentEvolution.evolve(s, e);
    }
    return s;
  }

  @Test
  void eachTenantIsToldOnlyOfItselfAndItsOwnSites() {
    List<TenantViews.Copy> copies = views.copies(null, fold(opened()), opened(), "H1");
    assertThat(copies).hasSize(2);
    IncidentOpened altel = (IncidentOpened) copies.get(0).event();
    IncidentOpened beta = (IncidentOpened) copies.get(1).event();
    assertThat(copies.get(0).tenantId()).isEqualTo("altel");
    assertThat(altel.affectedSites()).containsExactly("S1", "S2");
    assertThat(altel.affectedTenants()).containsExactly("altel");
    assertThat(copies.get(1).tenantId()).isEqualTo("beta");
    assertThat(beta.affectedSites()).containsExactly("S2");
    assertThat(beta.affectedTenants()).containsExactly("beta");
    assertThat(copies).allMatch(c -> c.siteId().isEmpty(), "the hub is no tenant's site");
  }

  @Test
  void aTenantAffectedLaterGetsTheIncidentAsItStands() {
    Incident before = fold(opened(), acknowledged());
    IncidentAlertAttached attached = new IncidentAlertAttached(ID, "al-3", "S3", at(4),
        List.of("gamma"));
    List<TenantViews.Copy> copies = views.copies(before, IncidentEvolution.evolve(before,
        attached), attached, "S3");
    assertThat(copies).filteredOn(c -> c.tenantId().equals("gamma"))
        .extracting(c -> c.event().getClass().getSimpleName())
        .containsExactly("IncidentOpened", "IncidentAcknowledged");
    IncidentOpened gamma = (IncidentOpened) copies.stream()
        .filter(c -> c.tenantId().equals("gamma")).findFirst().orElseThrow().event();
    assertThat(gamma.affectedSites()).containsExactly("S3");
    assertThat(copies).filteredOn(c -> !c.tenantId().equals("gamma"))
        .as("an alert on gamma's site is not copied to altel or beta").isEmpty();
  }

  @Test
  void internalNotesRefusalsAndDispatchesToOtherSitesStayWithTheNoc() {
    Incident s = fold(opened());
    IncidentNoteAdded internal = new IncidentNoteAdded(ID, "n1", "suspect vandalism", "ada",
        false, at(2));
    IncidentNoteAdded shared = new IncidentNoteAdded(ID, "n2", "technician en route", "ada",
        true, at(3));
    assertThat(views.copies(s, IncidentEvolution.evolve(s, internal), internal, "H1")).isEmpty();
    assertThat(views.copies(s, IncidentEvolution.evolve(s, shared), shared, "H1"))
        .extracting(TenantViews.Copy::tenantId).containsExactly("altel", "beta");
    var refused = new IncidentCommandRejected(ID, "c", "incident.close",
        RejectionCode.ILLEGAL_TRANSITION, "open", 1, 1, at(2));
    assertThat(views.copies(s, s, refused, "H1")).isEmpty();
    Incident dispatched = IncidentEvolution.evolve(s, dispatchRequested());
    assertThat(views.copies(s, dispatched, dispatchRequested(), "S1"))
        .as("the dispatch goes to S1, where only altel is")
        .extracting(TenantViews.Copy::tenantId, TenantViews.Copy::siteId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("altel", "S1"));
  }

  @Test
  void aTenantsCopyKeepsOnlyTheCandidateCausesAtItsOwnSitesAndTheHeadline() {
    IncidentOpened ranked = new IncidentOpened(ID, "Hub H1 transmission failure",
        AlertSeverity.CRITICAL, ROOT, List.of("al-1"), List.of("S1", "S2"),
        List.of("altel", "beta"), T0, List.of(cause("H1"), cause("S1"), cause("S2")));
    List<TenantViews.Copy> copies = views.copies(null, fold(ranked), ranked, "H1");
    IncidentOpened beta = (IncidentOpened) copies.get(1).event();
    assertThat(beta.rankedCauses()).extracting(RankedCause::siteId)
        .as("beta has no tenancy on S1").containsExactly("H1", "S2");

    Incident before = fold(ranked);
    IncidentRootCauseChanged changed = new IncidentRootCauseChanged(ID,
        cause("S1").headline(), List.of(cause("S1"), cause("S2"), cause("H1")), "new evidence",
        at(5));
    IncidentRootCauseChanged forBeta = (IncidentRootCauseChanged) views.copies(before,
        IncidentEvolution.evolve(before, changed), changed, "S1").stream()
        .filter(c -> c.tenantId().equals("beta")).findFirst().orElseThrow().event();
    assertThat(forBeta.rankedCauses()).extracting(RankedCause::siteId)
        .as("the headline S1 stays: it explains beta's outage").containsExactly("S1", "S2");
  }

  @Test
  void aTenantsCopyNamesOnlyTheAlertsAtItsOwnSitesAlsoAsEvidence() {
    RankedCause hub = new RankedCause("H1", "transmission_failure", "why", 0.9, "path",
        List.of("al-h1", "al-s1", "al-s2"));
    IncidentOpened opened = new IncidentOpened(ID, "Hub H1 transmission failure",
        AlertSeverity.CRITICAL, ROOT, List.of("al-h1", "al-s1", "al-s2"),
        List.of("H1", "S1", "S2"), List.of("altel", "beta"), T0, List.of(hub),
        Map.of("al-h1", "H1", "al-s1", "S1", "al-s2", "S2"));
    List<TenantViews.Copy> copies = views.copies(null, fold(opened), opened, "H1");
    IncidentOpened altel = (IncidentOpened) copies.get(0).event();
    IncidentOpened beta = (IncidentOpened) copies.get(1).event();
    assertThat(altel.alertIds()).containsExactly("al-s1", "al-s2");
    assertThat(beta.alertIds()).as("beta leases S2 only").containsExactly("al-s2");
    assertThat(beta.alertSites()).containsExactlyEntriesOf(Map.of("al-s2", "S2"));
    assertThat(beta.rankedCauses()).singleElement()
        .satisfies(c -> assertThat(c.evidence()).containsExactly("al-s2"));

    Incident before = fold(opened);
    IncidentAlertAttached attached = new IncidentAlertAttached(ID, "al-s1b", "S1", at(3),
        List.of("altel"));
    Incident after = IncidentEvolution.evolve(before, attached);
    assertThat(after.facts().siteOfAlert("al-s1b")).isEqualTo("S1");
    assertThat(views.copies(before, after, attached, "S1"))
        .extracting(TenantViews.Copy::tenantId).containsExactly("altel");
  }

  @Test
  void anOpeningWithoutAlertSitesNamesNoAlertOfASharedIncidentToATenant() {
    IncidentOpened legacy = opened();
    IncidentOpened altel = (IncidentOpened) views.copies(null, fold(legacy), legacy, "H1")
        .get(0).event();
    assertThat(altel.alertIds()).as("version 1.0: which site al-1 is at is not known")
        .containsExactly(TenantViews.WITHHELD);
  }

  private static RankedCause cause(String site) {
    return new RankedCause(site, "transmission_failure", "why", 0.5, "path", List.of("al-1"));
  }
}
