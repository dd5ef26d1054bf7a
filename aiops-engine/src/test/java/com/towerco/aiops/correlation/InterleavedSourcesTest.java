package com.towerco.aiops.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.aiops.alerting.AlertRule;
import com.towerco.aiops.alerting.NotificationPolicy;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.ClearIncident;
import com.towerco.events.payload.incident.OpenIncident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A region's correlator fed by two engine instances (two upstream tasks) through one
 * repartition partition: each source's inputs arrive in its own order, but the two interleave
 * in any way (the fault run: one instance killed and replaying while the other is ahead). The
 * incidents must be the same for every interleaving, and the same as in event-time order.
 */
class InterleavedSourcesTest {
  private static final Instant T0 = Instant.parse("2026-12-05T22:38:05Z");
  private static final Duration GRACE = Duration.ofMinutes(5);

  /** One input as the correlation stage receives it. */
  private record Input(String source, Instant time, AlertFact alert) {}

  @Test
  void aFaultThatClearsBeforeTheOtherInstancesTimeIsSeenStillOpensItsOwnIncident() {
    List<Input> a = sourceA();
    List<Input> b = sourceB();

    // The fault run's failure: every input of the fast instance first, then the replayed one.
    List<Payload> fastFirst = run(concat(a, b));

    assertThat(opened(fastFirst)).extracting(o -> o.rootCause().siteId())
        .containsExactly("S0001", "S0004");
    assertThat(fastFirst).filteredOn(ClearIncident.class::isInstance).hasSize(1);
  }

  @Test
  void everyInterleavingOfTheTwoSourcesGivesTheSameCommands() {
    List<Payload> inEventTimeOrder = run(byEventTime(concat(sourceA(), sourceB())));
    assertThat(opened(inEventTimeOrder)).extracting(o -> o.rootCause().siteId())
        .containsExactly("S0001", "S0004");

    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      List<Payload> interleaved = run(shuffleKeepingEachSourcesOrder(sourceA(), sourceB(),
          random));
      assertThat(interleaved).as("interleaving %d", round).isEqualTo(inEventTimeOrder);
    }
    assertThat(run(concat(sourceB(), sourceA()))).isEqualTo(inEventTimeOrder);
    assertThat(run(concat(sourceA(), sourceB()))).isEqualTo(inEventTimeOrder);
  }

  /**
   * The fault run's S0004 (seed 7): one task reads every site's topic, and after a failover
   * its backlog arrives partition by partition, so the task's watermarks from the other sites
   * moved the region's clock 184 s on before S0004's records were read. Its mains failure,
   * the condition letting go at 125 s and the resolution all reached the correlator before the
   * clock moved again: the group was judged on the alert being quiet now, and no incident
   * opened. It is judged on the alert's history instead: held from the settle time to 125 s.
   */
  @Test
  void aSitesWholeOutageArrivingAfterTheClockPassedItStillOpensItsIncident() {
    List<Input> late = new ArrayList<>();
    for (int s = 0; s <= 184; s += 5) {
      late.add(new Input("0_0", T0.plusSeconds(s), null)); // the task's other sites
    }
    List<Input> outage = List.of(
        new Input("0_0", T0, fact("a4", "S0004", 0, true)),
        new Input("0_0", T0.plusSeconds(125), fact("a4", "S0004", 0, true)
            .quieted(true, T0.plusSeconds(125))),
        new Input("0_0", T0.plusSeconds(125), fact("a4", "S0004", 125, false)));
    late.addAll(outage);
    for (int s = 189; s <= 400; s += 5) {
      late.add(new Input("0_0", T0.plusSeconds(s), null));
    }

    List<Payload> commands = run(late);

    assertThat(opened(commands)).extracting(o -> o.rootCause().siteId(), OpenIncident::detectedAt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("S0004", T0.plusSeconds(20)));
    assertThat(commands).filteredOn(ClearIncident.class::isInstance).hasSize(1);
    assertThat(commands).isEqualTo(run(byEventTime(late)));
  }

  @Test
  void aQuietSpellThatArrivesBeforeTheClockReachesTheSettleTimeDoesNotHideTheTimeBeforeIt() {
    // S0001's task is ahead: its mains failure and the condition letting go at 30 s (it
    // resolves after the hold-down, later) arrive while the other task holds the clock back
    AlertFact mains = fact("a1", "S0001", 0, true);
    List<Input> ahead = new ArrayList<>(List.of(new Input("0_0", T0, mains),
        new Input("0_0", T0.plusSeconds(30), mains.quieted(true, T0.plusSeconds(30))),
        new Input("0_0", T0.plusSeconds(30), mains.quieted(true, T0.plusSeconds(30)))));
    List<Input> behind = new ArrayList<>();
    for (int s = 0; s <= 60; s += 5) {
      ahead.add(new Input("0_0", T0.plusSeconds(30 + s), null));
      behind.add(new Input("0_1", T0.plusSeconds(s), null));
    }

    List<Payload> commands = run(concat(ahead, behind));

    assertThat(opened(commands)).extracting(OpenIncident::detectedAt)
        .containsExactly(T0.plusSeconds(20));
    assertThat(commands).isEqualTo(run(byEventTime(concat(ahead, behind))));
  }

  @Test
  void theClockWaitsForTheSlowestSourceWithinTheGraceAndNeverGoesBack() {
    SourceClock clock = new SourceClock(GRACE);
    assertThat(clock.advance("a", T0.plusSeconds(100))).isEqualTo(T0.plusSeconds(100));
    assertThat(clock.advance("b", T0.plusSeconds(40))).isEqualTo(T0.plusSeconds(100));
    assertThat(clock.advance("a", T0.plusSeconds(200))).isEqualTo(T0.plusSeconds(100));
    assertThat(clock.advance("b", T0.plusSeconds(150))).isEqualTo(T0.plusSeconds(150));
    // b stops: a is not held back by more than the grace
    assertThat(clock.advance("a", T0.plusSeconds(800))).isEqualTo(T0.plusSeconds(800));
    assertThat(clock.advance("b", T0.plusSeconds(300))).isEqualTo(T0.plusSeconds(800));
    SourceClock restored = SourceClock.restore(GRACE, clock.snapshot());
    assertThat(restored.now()).isEqualTo(clock.now());
  }

  @Test
  void alertsFromKpiWindowsDoNotHoldTheClockBackUnlessTheyAreAllTheRegionHears() {
    SourceClock clock = new SourceClock(GRACE);
    assertThat(clock.advance("1_0", T0.plusSeconds(30), false)).isEqualTo(T0.plusSeconds(30));
    assertThat(clock.advance("0_0", T0.plusSeconds(120), true)).isEqualTo(T0.plusSeconds(120));
    // a KPI window's alert trails the site events by the window and its grace: not waited for
    assertThat(clock.advance("1_0", T0.plusSeconds(60), false)).isEqualTo(T0.plusSeconds(120));
    assertThat(clock.advance("0_0", T0.plusSeconds(180), true)).isEqualTo(T0.plusSeconds(180));
  }

  /** The instance that keeps running: watermarks, and a mains failure at S0004 later. */
  private static List<Input> sourceA() {
    List<Input> in = new ArrayList<>();
    for (int s = 0; s <= 280; s += 5) {
      in.add(new Input("0_0", T0.plusSeconds(s), null));
      if (s == 200) {
        in.add(new Input("0_0", T0.plusSeconds(s), fact("a2", "S0004", s, true)));
      }
    }
    return in;
  }

  /**
   * The instance that was killed: S0001's mains fail and come back 60 s later (past the settle
   * time), with its watermarks in between.
   */
  private static List<Input> sourceB() {
    List<Input> in = new ArrayList<>();
    for (int s = 0; s <= 280; s += 5) {
      if (s == 0) {
        in.add(new Input("0_1", T0, fact("a1", "S0001", 0, true)));
      }
      if (s == 60) {
        in.add(new Input("0_1", T0.plusSeconds(s), fact("a1", "S0001", s, false)));
      }
      in.add(new Input("0_1", T0.plusSeconds(s), null));
    }
    return in;
  }

  private static AlertFact fact(String id, String site, int second, boolean firing) {
    return new AlertFact(id, AlertRule.MAINS_FAILURE.fingerprint(site, ""),
        AlertRule.MAINS_FAILURE, site, "north", null, AlertSeverity.MAJOR, List.of("altel"),
        T0.plusSeconds(second), firing);
  }

  /**
   * Feeds the inputs after a watermark of each source (both instances ran before the fault, so
   * the region's clock knows both).
   */
  private static List<Payload> run(List<Input> inputs) {
    RegionCorrelator correlator = RegionCorrelator.restore(CorrelationPolicy.defaults(),
        NotificationPolicy.defaults(), List.of(), GRACE, null);
    List<Payload> commands = new ArrayList<>();
    List<Input> all = new ArrayList<>(List.of(new Input("0_0", T0.minusSeconds(5), null),
        new Input("0_1", T0.minusSeconds(5), null)));
    all.addAll(inputs);
    for (Input in : all) {
      correlator.accept(in.source(), in.time(), in.alert(), null)
          .forEach(u -> commands.add(u.payload()));
    }
    return commands;
  }

  private static List<Input> concat(List<Input> first, List<Input> second) {
    List<Input> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static List<Input> byEventTime(List<Input> inputs) {
    List<Input> sorted = new ArrayList<>(inputs);
    sorted.sort(java.util.Comparator.comparing(Input::time)); // stable: each source's order kept
    return sorted;
  }

  private static List<Input> shuffleKeepingEachSourcesOrder(List<Input> a, List<Input> b,
      Random random) {
    List<Input> merged = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      boolean takeA = j == b.size() || (i < a.size() && random.nextBoolean());
      merged.add(takeA ? a.get(i++) : b.get(j++));
    }
    return merged;
  }

  private static List<OpenIncident> opened(List<Payload> commands) {
    return commands.stream().filter(OpenIncident.class::isInstance).map(OpenIncident.class::cast)
        .toList();
  }
}
