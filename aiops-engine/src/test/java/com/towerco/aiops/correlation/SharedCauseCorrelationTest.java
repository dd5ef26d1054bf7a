package com.towerco.aiops.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.OpenIncident;
import com.towerco.events.payload.incident.UpdateRootCause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Problems that reach beyond one site and its hub: a grid feeder, a hub chain, a fuel supplier,
 * and causes nobody modelled; severity from impact; a blip that pages nobody.
 */
class SharedCauseCorrelationTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private final Correlator correlator = new Correlator(CorrelationPolicy.defaults());
  private final List<Payload> commands = new ArrayList<>();
  private int ids;

  @Test
  void aFeederTripAcrossFiveSitesCarriedByGeneratorsIsOneMinorIncident() {
    int[] offsets = {0, 6, 14, 25, 33};
    for (int i = 0; i < offsets.length; i++) {
      fire(AlertRule.MAINS_FAILURE, "S2" + i, feeder("F1"), offsets[i]);
      fire(AlertRule.BATTERY_DISCHARGING, "S2" + i, feeder("F1"), offsets[i]);
    }
    tick(60);

    assertThat(opened()).hasSize(1);
    OpenIncident incident = opened().get(0);
    assertThat(incident.severity()).isEqualTo(AlertSeverity.MINOR);
    assertThat(incident.rootCause().kind()).isEqualTo("grid-feeder-outage");
    assertThat(incident.rootCause().siteId()).isEqualTo("S20");
    assertThat(incident.affectedSites()).containsExactly("S20", "S21", "S22", "S23", "S24");
    assertThat(incident.title()).isEqualTo("grid feeder outage at S20 (5 sites, grid feeder F1)");
  }

  @Test
  void mainsLostOnTwoFeedersOrMinutesApartAreSeparateProblems() {
    fire(AlertRule.MAINS_FAILURE, "S1", feeder("F1"), 0);
    fire(AlertRule.MAINS_FAILURE, "S2", feeder("F2"), 5);
    fire(AlertRule.MAINS_FAILURE, "S3", feeder("F1"), 600);
    tick(700);

    assertThat(opened()).hasSize(3);
  }

  @Test
  void mainsFoundLostAtSitesComingBackFromATransmissionOutageIsNoFeederTrip() {
    fire(AlertRule.SITE_UNREACHABLE, "S7", feeder("F1"), 0);
    fire(AlertRule.SITE_UNREACHABLE, "S9", feeder("F1"), 0);
    fire(AlertRule.MAINS_FAILURE, "S7", feeder("F1"), 1500); // reported on reconnection
    fire(AlertRule.MAINS_FAILURE, "S9", feeder("F1"), 1500);
    tick(1600);

    assertThat(opened()).filteredOn(o -> o.rootCause().kind().equals("mains-failure"))
        .extracting(o -> o.rootCause().siteId()).containsExactlyInAnyOrder("S7", "S9");
  }

  @Test
  void aGeneratorFailingDuringTheFeederOutageMakesItMajorAndRetitlesIt() {
    fire(AlertRule.MAINS_FAILURE, "S1", feeder("F1"), 0);
    fire(AlertRule.MAINS_FAILURE, "S2", feeder("F1"), 10);
    tick(40);
    assertThat(opened().get(0).severity()).isEqualTo(AlertSeverity.MINOR);

    fire(AlertRule.GENERATOR_FAILURE, "S2", feeder("F1"), 60);

    assertThat(updates()).hasSize(1);
    UpdateRootCause update = updates().get(0);
    assertThat(update.rootCause().kind()).isEqualTo("generator-failure");
    assertThat(update.rootCause().siteId()).isEqualTo("S2");
    assertThat(update.severity()).isEqualTo(AlertSeverity.MAJOR);
    assertThat(update.title()).startsWith("generator failure at S2");
  }

  @Test
  void aBlipThatGoesQuietWithinTheSettleTimePagesNobody() {
    AlertFact hot = fact(AlertRule.HIGH_TEMPERATURE, "S5", AlertFact.Relations.NONE, 0);
    correlator.onAlert(hot);
    correlator.onAlert(hot.quieted(true, T0.plusSeconds(10)));
    tick(25);
    tick(200);

    assertThat(opened()).isEmpty();
  }

  @Test
  void aConditionThatComesBackBeforeTheSettleTimeStillOpens() {
    AlertFact hot = fact(AlertRule.HIGH_TEMPERATURE, "S5", AlertFact.Relations.NONE, 0);
    correlator.onAlert(hot);
    correlator.onAlert(hot.quieted(true, T0.plusSeconds(5)));
    correlator.onAlert(hot.quieted(false, T0.plusSeconds(15)));
    tick(25);

    assertThat(opened()).hasSize(1);
  }

  @Test
  void aSensorGlitchAloneIsNoIncident() {
    fire(AlertRule.SENSOR_FAULT, "S5", AlertFact.Relations.NONE, 0);
    tick(120);

    assertThat(opened()).isEmpty();
  }

  @Test
  void aTopHubFailureTakesTheHubBelowItAndAllTheirSitesIntoOneCriticalIncident() {
    fire(AlertRule.SITE_UNREACHABLE, "N2", path("HN2", "HN1"), 0); // behind the lower hub
    fire(AlertRule.SITE_UNREACHABLE, "N4", path("HN2", "HN1"), 2);
    fire(AlertRule.TRANSMISSION_FAILURE, "HN1", path(), 4);
    fire(AlertRule.SITE_UNREACHABLE, "HN2", path("HN1"), 6);
    fire(AlertRule.SITE_UNREACHABLE, "N1", path("HN1"), 8);
    tick(40);

    assertThat(opened()).hasSize(1);
    OpenIncident incident = opened().get(0);
    assertThat(incident.rootCause().kind()).isEqualTo("hub-transmission-failure");
    assertThat(incident.rootCause().siteId()).isEqualTo("HN1");
    assertThat(incident.severity()).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(incident.affectedSites()).contains("HN1", "HN2", "N1", "N2", "N4");
  }

  @Test
  void fuelStolenAtTwoSitesOfOneSupplierIsOneProblem() {
    AlertFact.Relations dieselco = new AlertFact.Relations(null, List.of("H1"), "dieselco", null);
    fire(AlertRule.FUEL_THEFT, "W3", dieselco, 0);
    fire(AlertRule.FUEL_THEFT, "W6", dieselco, 1500);
    fire(AlertRule.FUEL_THEFT, "W9", new AlertFact.Relations(null, List.of("H1"), "other",
        null), 1600);
    tick(1700);

    assertThat(opened()).hasSize(2);
    OpenIncident supplier = opened().stream().filter(o -> o.affectedSites().contains("W3"))
        .findFirst().orElseThrow();
    assertThat(supplier.affectedSites()).containsExactly("W3", "W6");
    assertThat(supplier.severity()).isEqualTo(AlertSeverity.MAJOR);
    assertThat(supplier.title()).isEqualTo("fuel theft at W3 (2 sites, fuel supplier dieselco)");
  }

  @Test
  void theftsThatStartTogetherAtTwoSitesOfOneSupplierAreTwoCrewsTwoProblems() {
    AlertFact.Relations dieselco = new AlertFact.Relations(null, List.of("H1"), "dieselco", null);
    fire(AlertRule.FUEL_THEFT, "W3", dieselco, 0);
    fire(AlertRule.FUEL_THEFT, "W6", dieselco, 300); // 5 minutes later: the first still runs
    tick(400);

    assertThat(opened()).hasSize(2);
  }

  @Test
  void alertsNobodyModelledThatLookAlikeAreProposedAsOneProblemWithEvidence() {
    AlertFact.Relations hub = new AlertFact.Relations(null, List.of("H7"), null, null);
    fire(AlertRule.RECTIFIER_FAILURE, "S71", hub, 0);
    fire(AlertRule.RECTIFIER_FAILURE, "S72", hub, 12);
    fire(AlertRule.RECTIFIER_FAILURE, "S99", new AlertFact.Relations(null, List.of("H9"),
        null, null), 14);
    tick(60);

    assertThat(opened()).hasSize(2);
    OpenIncident shared = opened().stream().filter(o -> o.affectedSites().contains("S72"))
        .findFirst().orElseThrow();
    assertThat(shared.affectedSites()).containsExactly("S71", "S72");
    assertThat(shared.rankedCauses()).anySatisfy(c -> {
      assertThat(c.kind()).isEqualTo("proposed-common-cause");
      assertThat(c.description()).contains("same hub H7").contains("12s apart");
    });
  }

  private static AlertFact.Relations feeder(String feeder) {
    return new AlertFact.Relations(feeder, List.of("H1"), null, null);
  }

  private static AlertFact.Relations path(String... hubs) {
    return new AlertFact.Relations(null, List.of(hubs), null, null);
  }

  private void fire(AlertRule rule, String site, AlertFact.Relations relations, int second) {
    correlator.onAlert(fact(rule, site, relations, second)).forEach(u -> commands.add(u.payload()));
  }

  private AlertFact fact(AlertRule rule, String site, AlertFact.Relations relations,
      int second) {
    String hub = relations.hubPath().isEmpty() || site.startsWith("H") ? null
        : relations.hubPath().get(0);
    return new AlertFact("a" + (++ids), rule.fingerprint(site, ""), rule, site, "north", hub,
        rule.defaultSeverity(), List.of("altel"), T0.plusSeconds(second), true, false,
        relations);
  }

  private void tick(int second) {
    correlator.tick(T0.plusSeconds(second)).forEach(u -> commands.add(u.payload()));
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
