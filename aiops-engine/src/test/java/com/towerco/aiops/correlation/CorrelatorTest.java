package com.towerco.aiops.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.OpenIncident;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.incident.UpdateRootCause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelatorTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private final Correlator correlator = new Correlator(CorrelationPolicy.defaults());
  private final List<Payload> commands = new ArrayList<>();
  private int ids;

  @Test
  void opensOneIncidentWhenHubFailureTakesDownItsSites() {
    fire(AlertRule.TRANSMISSION_FAILURE, "H1", null, 0);
    for (int i = 1; i <= 20; i++) {
      fire(AlertRule.SITE_UNREACHABLE, "S" + i, "H1", 1);
    }
    tick(60);

    List<OpenIncident> opened = opened();
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).rootCause().siteId()).isEqualTo("H1");
    assertThat(opened.get(0).rootCause().kind()).isEqualTo("hub-transmission-failure");
    assertThat(opened.get(0).affectedSites()).hasSize(21);
    assertThat(opened.get(0).rankedCauses().get(0).evidence()).hasSize(21);
    assertThat(opened.get(0).rankedCauses().get(0).path()).contains("hub H1");
  }

  @Test
  void aGeneratorThatFailsAfterTheMainsIsTheRootCauseAndTheMainsItsTrigger() {
    fire(AlertRule.MAINS_FAILURE, "S7", null, 0);
    fire(AlertRule.GENERATOR_FAILURE, "S7", null, 5);
    tick(30);
    fire(AlertRule.BATTERY_LOW, "S7", null, 600);
    fire(AlertRule.TENANT_POWER_LOSS, "S7", null, 900);
    tick(1000);

    List<OpenIncident> opened = opened();
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).rootCause().kind()).isEqualTo("generator-failure");
    assertThat(opened.get(0).rootCause().description()).contains("mains failure (trigger)");
    assertThat(opened.get(0).rankedCauses()).extracting(c -> c.kind())
        .startsWith("generator-failure", "mains-failure");
    assertThat(opened.get(0).severity()).isEqualTo(AlertSeverity.MAJOR);
    // the root cause stays; the tenants losing power make it critical
    assertThat(updates()).isNotEmpty().allSatisfy(u ->
        assertThat(u.rootCause().kind()).isEqualTo("generator-failure"));
    assertThat(updates().get(updates().size() - 1).severity())
        .isEqualTo(AlertSeverity.CRITICAL);
  }

  @Test
  void newEvidenceAfterOpeningChangesTheRootCause() {
    fire(AlertRule.MAINS_FAILURE, "S7", null, 0);
    tick(30);
    assertThat(opened().get(0).rootCause().kind()).isEqualTo("mains-failure");

    fire(AlertRule.GENERATOR_FAILURE, "S7", null, 40);

    assertThat(updates()).hasSize(1);
    assertThat(updates().get(0).rootCause().kind()).isEqualTo("generator-failure");
  }

  @Test
  void aHubThatLosesPowerIsOneProblemWithThePowerLossAsRootCause() {
    fire(AlertRule.MAINS_FAILURE, "H1", null, 0);
    fire(AlertRule.GENERATOR_FAILURE, "H1", null, 5);
    tick(30);
    fire(AlertRule.TRANSMISSION_FAILURE, "H1", null, 3600);
    for (int i = 1; i <= 5; i++) {
      fire(AlertRule.SITE_UNREACHABLE, "S" + i, "H1", 3601);
    }
    tick(3700);

    assertThat(opened()).hasSize(1);
    assertThat(updates()).isNotEmpty();
    assertThat(updates().get(updates().size() - 1).rootCause().kind())
        .isEqualTo("hub-power-failure");
  }

  @Test
  void twoIndependentFaultsInDifferentPlacesGiveTwoIncidents() {
    fire(AlertRule.MAINS_FAILURE, "S7", null, 0);
    fire(AlertRule.HVAC_FAILURE, "S20", null, 2);
    fire(AlertRule.TRANSMISSION_FAILURE, "H2", null, 3);
    tick(60);

    assertThat(opened()).extracting(o -> o.rootCause().siteId() + ":" + o.rootCause().kind())
        .containsExactlyInAnyOrder("S7:mains-failure", "S20:hvac-failure",
            "H2:hub-transmission-failure");
  }

  @Test
  void aBlipThatClearsBeforeTheProblemSettlesPagesNobody() {
    String id = fire(AlertRule.MAINS_FAILURE, "S7", null, 0);
    resolve(id, AlertRule.MAINS_FAILURE, "S7", 5);
    tick(300);

    assertThat(opened()).isEmpty();
  }

  @Test
  void theSameAlertsAndTicksGiveTheSameCommandsAcrossARestart() {
    List<AlertFact> facts = List.of(fact(AlertRule.MAINS_FAILURE, "S7", null, 0, true),
        fact(AlertRule.TRANSMISSION_FAILURE, "H1", null, 1, true),
        fact(AlertRule.SITE_UNREACHABLE, "S1", "H1", 2, true),
        fact(AlertRule.GENERATOR_FAILURE, "S7", null, 40, true),
        fact(AlertRule.SITE_UNREACHABLE, "S2", "H1", 45, true));
    Correlator straight = new Correlator(CorrelationPolicy.defaults());
    List<Payload> expected = new ArrayList<>();
    for (AlertFact f : facts) {
      straight.onAlert(f).forEach(u -> expected.add(u.payload()));
      straight.tick(f.time()).forEach(u -> expected.add(u.payload()));
    }
    Correlator first = new Correlator(CorrelationPolicy.defaults());
    List<Payload> actual = new ArrayList<>();
    for (AlertFact f : facts.subList(0, 3)) {
      first.onAlert(f).forEach(u -> actual.add(u.payload()));
      first.tick(f.time()).forEach(u -> actual.add(u.payload()));
    }
    Correlator restarted = Correlator.restore(CorrelationPolicy.defaults(), first.snapshot());
    for (AlertFact f : facts.subList(3, facts.size())) {
      restarted.onAlert(f).forEach(u -> actual.add(u.payload()));
      restarted.tick(f.time()).forEach(u -> actual.add(u.payload()));
    }
    assertThat(actual).isEqualTo(expected);
  }

  private String fire(AlertRule rule, String site, String hub, int second) {
    AlertFact fact = fact(rule, site, hub, second, true);
    correlator.onAlert(fact).forEach(u -> commands.add(u.payload()));
    return fact.alertId();
  }

  private void resolve(String alertId, AlertRule rule, String site, int second) {
    AlertFact fact = new AlertFact(alertId, rule.fingerprint(site, ""), rule, site, "north",
        null, AlertSeverity.MAJOR, List.of("altel"), T0.plusSeconds(second), false);
    correlator.onAlert(fact).forEach(u -> commands.add(u.payload()));
  }

  private void tick(int second) {
    correlator.tick(T0.plusSeconds(second)).forEach(u -> commands.add(u.payload()));
  }

  private AlertFact fact(AlertRule rule, String site, String hub, int second, boolean firing) {
    return new AlertFact("a" + (++ids), rule.fingerprint(site, ""), rule, site, "north", hub,
        AlertSeverity.MAJOR, List.of("altel"), T0.plus(Duration.ofSeconds(second)), firing);
  }

  private List<OpenIncident> opened() {
    return commands.stream().filter(OpenIncident.class::isInstance)
        .map(OpenIncident.class::cast).toList();
  }

  private List<UpdateRootCause> updates() {
    return commands.stream().filter(UpdateRootCause.class::isInstance)
        .map(UpdateRootCause.class::cast).toList();
  }
}
