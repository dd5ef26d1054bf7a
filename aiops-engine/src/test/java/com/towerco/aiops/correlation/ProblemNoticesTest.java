package com.towerco.aiops.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.NotificationPolicy;
import com.towerco.events.payload.alert.AlertSeverity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A problem's first notification waits until the problem settles and goes out at the problem's
 * severity from impact, not the first alarm's label; a rise in severity notifies again; a blip
 * that clears within the settle time notifies nobody (ADR-027). Event time only.
 */
class ProblemNoticesTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final int[] FEEDER_OFFSETS = {0, 6, 14, 25, 33};
  private int ids;

  @Test
  void aFeederTripCarriedByGeneratorsNotifiesOnceAtMinorAfterItSettled() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    List<AlertFact> mains = feederTrip(c);

    assertThat(mains.get(0).severity()).as("the alarm's own label").isEqualTo(
        AlertSeverity.MAJOR);
    assertThat(c.releases()).as("nothing before the problem settles").isEmpty();
    c.tick(T0.plusSeconds(15));
    assertThat(c.releases()).as("still within the 20 s settle").isEmpty();

    c.tick(T0.plusSeconds(40));
    List<Release> released = c.releases();
    assertThat(released).containsExactly(new Release(mains.get(0).alertId(),
        AlertSeverity.MINOR, T0.plusSeconds(20), Release.Kind.SETTLED),
        // held while the first was, in case it would not notify: evidence only after all
        evidence(mains.get(1)), evidence(mains.get(2)), evidence(mains.get(3)),
        evidence(mains.get(4)));
    c.tick(T0.plusSeconds(600));
    assertThat(c.releases()).as("once per problem").isEmpty();
  }

  @Test
  void aGeneratorFailingAfterTheProblemNotifiedEscalatesItOnceAtMajor() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    feederTrip(c);
    c.tick(T0.plusSeconds(40));
    c.releases();

    AlertFact generator = fact(AlertRule.GENERATOR_FAILURE, "S22", 120);
    c.onAlert(generator);
    assertThat(c.releases()).containsExactly(new Release(generator.alertId(),
        AlertSeverity.MAJOR, T0.plusSeconds(120), Release.Kind.ESCALATED));
    assertThat(c.member(generator.alertId()).orElseThrow().published()).isTrue();

    c.onAlert(fact(AlertRule.GENERATOR_FAILURE, "S23", 150));
    c.onAlert(fact(AlertRule.BATTERY_DISCHARGING, "S22", 160));
    c.tick(T0.plusSeconds(300));
    assertThat(c.releases()).as("no more severe than what it notified").isEmpty();
  }

  @Test
  void aProblemThatWorsensWhileItSettlesNotifiesOnceAtItsWorstSeverity() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    AlertFact mains = fact(AlertRule.MAINS_FAILURE, "S20", 0);
    AlertFact generator = fact(AlertRule.GENERATOR_FAILURE, "S20", 10);
    c.onAlert(mains);
    c.onAlert(generator);
    c.tick(T0.plusSeconds(30));

    assertThat(c.releases()).containsExactly(new Release(mains.alertId(), AlertSeverity.MAJOR,
        T0.plusSeconds(20), Release.Kind.SETTLED), evidence(generator));
    assertThat(c.suppression(generator.alertId())).contains("problem:mains-failure@S20");
  }

  @Test
  void aBlipThatGoesQuietWithinTheSettleTimeNotifiesNobody() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    AlertFact hot = fact(AlertRule.HIGH_TEMPERATURE, "S5", 0);
    c.onAlert(hot);
    c.onAlert(hot.quieted(true, T0.plusSeconds(10)));
    c.tick(T0.plusSeconds(30));
    c.onAlert(resolved(hot, 70));
    c.tick(T0.plusSeconds(100));
    assertThat(c.releases()).isEmpty();

    List<com.towerco.aiops.correlation.IncidentUpdate> none = c.tick(T0.plusSeconds(400));
    assertThat(none).as("no incident").isEmpty();
    assertThat(c.releases()).as("its records are let go once the problem is over")
        .containsExactly(new Release(hot.alertId(), AlertSeverity.MAJOR,
            T0.plusSeconds(190), Release.Kind.DISCARDED));
    assertThat(c.member(hot.alertId())).isEmpty();
  }

  @Test
  void anAlarmRaisedAndClearedWithinTheSettleTimeNotifiesNobody() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    AlertFact mains = fact(AlertRule.MAINS_FAILURE, "S20", 0);
    c.onAlert(mains);
    c.onAlert(resolved(mains, 12));
    c.tick(T0.plusSeconds(25));
    c.tick(T0.plusSeconds(200));

    assertThat(c.releases()).extracting(Release::kind).containsExactly(Release.Kind.DISCARDED);
  }

  @Test
  void aProblemWhoseFirstAlarmClearedWithinTheSettleTimeNotifiesWithTheAlarmThatHolds() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    List<AlertFact> mains = feederTrip(c);
    c.onAlert(resolved(mains.get(0), 12)); // the first site's mains back within the settle time
    c.tick(T0.plusSeconds(40));

    // the other four sites are still on generators: the problem holds and pages once, with the
    // first alarm of it that held its condition from the settle time on
    assertThat(c.releases()).containsExactly(new Release(mains.get(1).alertId(),
        AlertSeverity.MINOR, T0.plusSeconds(20), Release.Kind.SETTLED),
        evidence(mains.get(2)), evidence(mains.get(3)), evidence(mains.get(4)));
    assertThat(c.member(mains.get(1).alertId()).orElseThrow().published()).isTrue();
    c.tick(T0.plusSeconds(600));
    assertThat(c.releases()).as("once per problem").isEmpty();
  }

  @Test
  void anAlarmThatClearsAfterTheSettleTimeButBeforeTheTickStillNotifies() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    AlertFact hvac = fact(AlertRule.HVAC_FAILURE, "S7", 0);
    c.onAlert(hvac);
    c.onAlert(resolved(hvac, 25)); // arrives before the tick that passes the settle time
    c.tick(T0.plusSeconds(30));

    assertThat(c.releases()).containsExactly(new Release(hvac.alertId(), AlertSeverity.MAJOR,
        T0.plusSeconds(20), Release.Kind.SETTLED));
  }

  @Test
  void whatIsHeldAndWhatWasNotifiedSurviveARestart() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    List<AlertFact> mains = feederTrip(c);
    Correlator restarted = Correlator.restore(CorrelationPolicy.defaults(),
        NotificationPolicy.defaults(), c.snapshot());
    restarted.tick(T0.plusSeconds(40));
    assertThat(restarted.releases()).extracting(Release::alertId, Release::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(mains.get(0).alertId(),
            Release.Kind.SETTLED),
            org.assertj.core.groups.Tuple.tuple(mains.get(1).alertId(), Release.Kind.EVIDENCE),
            org.assertj.core.groups.Tuple.tuple(mains.get(2).alertId(), Release.Kind.EVIDENCE),
            org.assertj.core.groups.Tuple.tuple(mains.get(3).alertId(), Release.Kind.EVIDENCE),
            org.assertj.core.groups.Tuple.tuple(mains.get(4).alertId(), Release.Kind.EVIDENCE));

    Correlator again = Correlator.restore(CorrelationPolicy.defaults(),
        NotificationPolicy.defaults(), restarted.snapshot());
    AlertFact generator = fact(AlertRule.GENERATOR_FAILURE, "S24", 120);
    again.onAlert(generator);
    assertThat(again.releases()).extracting(Release::kind, Release::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Release.Kind.ESCALATED,
            AlertSeverity.MAJOR));
  }

  @Test
  void withoutHoldingEveryAlertThatNotifiesGoesOutAtOnceAtItsOwnSeverity() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.everyAlert());
    AlertFact mains = fact(AlertRule.MAINS_FAILURE, "S20", 0);
    c.onAlert(mains);

    assertThat(c.releases()).containsExactly(new Release(mains.alertId(), AlertSeverity.MAJOR,
        T0, Release.Kind.AT_ONCE));
  }

  @Test
  void aThresholdAlertNotifiesAtTheOperatorsSeverityAndAnAlarmAtTheProblemsImpact() {
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    // the operator made high temperature minor in this region; the telemetry threshold fired
    AlertFact policy = new AlertFact("t1", "high-temperature|S5", AlertRule.HIGH_TEMPERATURE,
        "S5", "north", "H9", AlertSeverity.MINOR, List.of("altel"), T0, true, false,
        AlertFact.Relations.NONE, true);
    // a cabinet controller's own alarm says critical: its label is not the problem's impact
    AlertFact alarm = new AlertFact("t2", "high-temperature|S6", AlertRule.HIGH_TEMPERATURE,
        "S6", "north", "H9", AlertSeverity.CRITICAL, List.of("altel"), T0, true, false,
        AlertFact.Relations.NONE, false);
    c.onAlert(policy);
    c.onAlert(alarm);
    c.tick(T0.plusSeconds(30));

    assertThat(c.releases()).containsExactlyInAnyOrder(
        new Release("t1", AlertSeverity.MINOR, T0.plusSeconds(20), Release.Kind.SETTLED),
        new Release("t2", AlertSeverity.MAJOR, T0.plusSeconds(20), Release.Kind.SETTLED));
  }

  @Test
  void theSameInputsReleaseTheSameNoticesEveryTime() {
    assertThat(replay()).isEqualTo(replay()).isNotEmpty();
  }

  private List<Release> replay() {
    ids = 0;
    Correlator c = new Correlator(CorrelationPolicy.defaults(), NotificationPolicy.defaults());
    List<Release> all = new ArrayList<>();
    feederTrip(c);
    for (int s = 0; s <= 600; s += 5) {
      if (s == 120) {
        c.onAlert(fact(AlertRule.GENERATOR_FAILURE, "S21", s));
      }
      c.tick(T0.plusSeconds(s));
      all.addAll(c.releases());
    }
    return all;
  }

  private List<AlertFact> feederTrip(Correlator c) {
    List<AlertFact> mains = new ArrayList<>();
    for (int i = 0; i < FEEDER_OFFSETS.length; i++) {
      AlertFact m = fact(AlertRule.MAINS_FAILURE, "S2" + i, FEEDER_OFFSETS[i]);
      mains.add(m);
      c.onAlert(m);
    }
    return mains;
  }

  private AlertFact fact(AlertRule rule, String site, int second) {
    return new AlertFact("a" + (++ids), rule.fingerprint(site, ""), rule, site, "north", "H9",
        rule.defaultSeverity(), List.of("altel"), T0.plusSeconds(second), true, false,
        new AlertFact.Relations("F1", List.of("H9"), null, null));
  }

  /** Held only in case the alert it deferred to would not notify; it did (settle: 20 s). */
  private static Release evidence(AlertFact fact) {
    return new Release(fact.alertId(), fact.severity(), T0.plusSeconds(20),
        Release.Kind.EVIDENCE);
  }

  private static AlertFact resolved(AlertFact fact, int second) {
    return new AlertFact(fact.alertId(), fact.fingerprint(), fact.rule(), fact.siteId(),
        fact.region(), fact.hubSiteId(), fact.severity(), fact.affectedTenants(),
        T0.plusSeconds(second), false, fact.quiet(), fact.relations());
  }
}
