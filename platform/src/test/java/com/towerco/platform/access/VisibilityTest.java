package com.towerco.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.payload.RejectionCode;
import com.towerco.events.payload.incident.DispatchRequested;
import com.towerco.events.payload.incident.IncidentAcknowledged;
import com.towerco.events.payload.incident.IncidentAlertAttached;
import com.towerco.events.payload.incident.IncidentCommandRejected;
import com.towerco.events.payload.incident.IncidentNoteAdded;
import com.towerco.events.payload.incident.SlaBreached;
import com.towerco.events.payload.incident.TechnicianAssigned;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class VisibilityTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
  private static final Viewer ALTEL = Viewer.tenant("altel");
  private static final Predicate<String> ALTEL_SITES = Set.of("S1")::contains;

  @Test
  void theNocSeesEverythingAndATenantOnlyItsOwnAndWhatConcernsIt() {
    assertThat(Visibility.ownedBy(Viewer.noc(), "kora")).isTrue();
    assertThat(Visibility.ownedBy(ALTEL, "altel")).isTrue();
    assertThat(Visibility.ownedBy(ALTEL, "kora")).isFalse();
    assertThat(Visibility.ownedBy(ALTEL, null)).as("the towerco's own data").isFalse();
    assertThat(Visibility.concerns(ALTEL, List.of("kora", "altel"))).isTrue();
    assertThat(Visibility.site(ALTEL, Set.of("kora"))).isFalse();
    assertThat(Visibility.operatorOnly(ALTEL)).isFalse();
    assertThat(Visibility.tenantNames(ALTEL, List.of("kora", "altel")))
        .containsExactly("altel");
  }

  @Test
  void internalNotesAndRefusalsAreTheNocsAndSiteStepsBelongToTheSitesTenants() {
    assertThat(shown(new IncidentNoteAdded("I1", "n1", "x", "ada", false, T))).isFalse();
    assertThat(shown(new IncidentNoteAdded("I1", "n2", "x", "ada", true, T))).isTrue();
    assertThat(shown(new IncidentCommandRejected("I1", "c", "incident.close",
        RejectionCode.ILLEGAL_TRANSITION, "no", 1, 1, T))).isFalse();
    assertThat(shown(new IncidentAcknowledged("I1", "ada", null, T))).isTrue();
    assertThat(shown(new IncidentAlertAttached("I1", "A1", "S2", T, null))).isFalse();
    assertThat(shown(new IncidentAlertAttached("I1", "A1", "S1", T, null))).isTrue();
    assertThat(shown(new DispatchRequested("I1", "d1", "S2", "r", "ada", T, T))).isFalse();
    assertThat(shown(new TechnicianAssigned("I1", "d1", "bob", "ada", T, T))).isFalse();
    assertThat(shown(new TechnicianAssigned("I1", "d9", "bob", "ada", T, T)))
        .as("a dispatch whose site is unknown").isFalse();
    assertThat(shown(new SlaBreached("kora", "S1", "2026-03", 99.9, 99, 60, 43, "I1", T)))
        .isFalse();
    assertThat(shown(Map.of("incident_id", "I1"))).as("an event type not known").isFalse();
    assertThat(Visibility.allows(Viewer.noc(), Disclosure.OPERATOR, s -> false)).isTrue();
  }

  @Test
  void aTenantIsScopedToItselfAndRefusedAnotherTenant() {
    assertThat(Visibility.tenantScope(ALTEL, Optional.empty())).contains("altel");
    assertThat(Visibility.tenantScope(Viewer.noc(), Optional.empty())).isEmpty();
    assertThat(Visibility.tenantScope(Viewer.noc(), Optional.of("kora"))).contains("kora");
    assertThatThrownBy(() -> Visibility.tenantScope(ALTEL, Optional.of("kora")))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(() -> Visibility.requireOperator(ALTEL))
        .isInstanceOf(AccessDenied.class);
  }

  private static boolean shown(Object payload) {
    Disclosure d = Disclosure.ofIncidentEvent(payload,
        dispatch -> dispatch.equals("d1") ? "S2" : null);
    return Visibility.allows(ALTEL, d, ALTEL_SITES);
  }

  @Test
  void aTenantKnowsOnlyTheAlertsAtItsSitesAlsoAsACausesEvidence() {
    Map<String, String> sites = Map.of("a1", "S1", "a2", "S2");
    assertThat(Visibility.alerts(ALTEL, List.of("a1", "a2", "a3"), sites::get, ALTEL_SITES))
        .as("a3's site is unknown: only the NOC may know it").containsExactly("a1");
    assertThat(Visibility.alerts(Viewer.noc(), List.of("a1", "a2", "a3"), sites::get,
        ALTEL_SITES)).containsExactly("a1", "a2", "a3");
    var headline = new com.towerco.events.payload.incident.RankedCause("H1", "hub", "why", 0.9,
        "path", List.of("a1", "a2"));
    assertThat(Visibility.causes(ALTEL, List.of(headline), "H1", ALTEL_SITES,
        a -> Visibility.alertVisible(ALTEL, sites.get(a), ALTEL_SITES)))
        .singleElement().satisfies(c -> assertThat(c.evidence()).containsExactly("a1"));
  }
}
