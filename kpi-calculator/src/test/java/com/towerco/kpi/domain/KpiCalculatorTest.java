package com.towerco.kpi.domain;

import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.site.SiteTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiCalculatorTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final Windowing ONE_MINUTE =
      new Windowing(Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
  private static final String P = "towerco.sites.S1.events-0";

  private final KpiCalculator kpis =
      new KpiCalculator(ONE_MINUTE, SiteTerms.defaults(), Duration.ofHours(1));
  private long offset;

  @Test
  void aHealthySiteIsFullyAvailableInEveryWindow() {
    readEvery10s(0, 130, aReading().build());
    List<KpiWindow> windows = kpis.advance();

    assertThat(windows).hasSize(1);
    KpiWindow first = windows.get(0);
    assertThat(first.start()).isEqualTo(T0);
    assertThat(first.samples()).isEqualTo(6);
    assertThat(first.siteValues()).containsEntry(KpiComputed.GRID_AVAILABILITY_PCT, 100.0)
        .containsEntry(KpiComputed.POWER_AVAILABILITY_PCT, 100.0)
        .containsEntry(KpiComputed.REPORTING_PCT, 100.0);
    assertThat(first.tenancyValues().get("altel"))
        .containsEntry(KpiComputed.POWER_AVAILABILITY_PCT, 100.0)
        .containsEntry(KpiComputed.ENERGY_KWH, 0.02);
  }

  @Test
  void gridAvailabilityIsTheShareOfTimeOnMains() {
    readEvery10s(0, 20, aReading().build());
    readEvery10s(30, 50, aReading().gridDown().generatorRunning().build());
    readEvery10s(60, 100, aReading().build());

    KpiWindow first = kpis.advance().get(0);
    assertThat(first.siteValues()).containsEntry(KpiComputed.GRID_AVAILABILITY_PCT, 50.0)
        .containsEntry(KpiComputed.GENERATOR_RUN_S, 30.0);
  }

  @Test
  void aTenantOutsideItsDcWindowIsUnavailableForThatTime() {
    readEvery10s(0, 40, aReading().build());
    readEvery10s(50, 50, aReading().tenantDc(0).build());
    readEvery10s(60, 100, aReading().build());

    KpiWindow first = kpis.advance().get(0);
    assertThat(first.tenancyValues().get("altel"))
        .containsEntry(KpiComputed.POWER_AVAILABILITY_PCT, 83.333);
    assertThat(first.siteValues()).containsEntry(KpiComputed.POWER_AVAILABILITY_PCT, 83.333);
  }

  /**
   * A repeated reading adds nothing, in order or out of order: not to the shares, and not to the
   * sample count either. The handler's deduplicator cannot check a repeat older than its horizon,
   * which is measured from the newest event time of the whole instance (another site may be far
   * ahead), so the site's window itself counts each reading time once.
   */
  @Test
  void aDuplicatedReadingAddsNothing() {
    SiteTelemetry down = aReading().gridDown().build();
    readEvery10s(0, 20, aReading().build());
    readAt(30, down);
    readAt(30, down);
    readAt(20, aReading().build());
    readEvery10s(40, 100, aReading().build());

    KpiWindow first = kpis.advance().get(0);
    assertThat(first.samples()).isEqualTo(6);
    assertThat(first.siteValues()).containsEntry(KpiComputed.GRID_AVAILABILITY_PCT, 83.333);
  }

  @Test
  void aWindowStaysOpenForTheGracePeriodAndLateReadingsAfterItAreNotCounted() {
    readEvery10s(0, 80, aReading().build());
    assertThat(kpis.advance()).as("60 s + 30 s grace not reached").isEmpty();
    readAt(90, aReading().build());
    assertThat(kpis.advance()).hasSize(1);

    readAt(30, aReading().gridDown().build());
    assertThat(kpis.lateReadings()).isEqualTo(1);
  }

  @Test
  void aSiteThatLosesContactReportsLessAndThenEmptyWindows() {
    readEvery10s(0, 20, aReading().build());
    kpis.unreachable(P, "S1", T0.plusSeconds(30));
    kpis.telemetry("other", "S2", 0, T0.plusSeconds(200), aReading().build());

    List<KpiWindow> s1 = kpis.advance().stream().filter(w -> w.siteId().equals("S1")).toList();
    assertThat(s1).hasSize(2);
    assertThat(s1.get(0).siteValues()).containsEntry(KpiComputed.REPORTING_PCT, 50.0);
    assertThat(s1.get(1).siteValues()).containsEntry(KpiComputed.REPORTING_PCT, 0.0);
  }

  @Test
  void fuelConsumedIsWhatTheRunningGeneratorBurntAndNeitherRefuelNorNoiseCounts() {
    readAt(0, aReading().fuel(500).build());
    readAt(10, aReading().fuel(498).generatorRunning().build());
    readAt(20, aReading().fuel(495).generatorRunning().build());
    readAt(30, aReading().fuel(900).build());
    readAt(40, aReading().fuel(899).build());
    readEvery10s(50, 100, aReading().fuel(900).build());

    assertThat(kpis.advance().get(0).siteValues())
        .containsEntry(KpiComputed.FUEL_CONSUMED_L, 5.0);
  }

  @Test
  void anAlarmRaisedTwiceInAWindowIsCountedOnce() {
    readEvery10s(0, 100, aReading().build());
    kpis.alarmRaised(P, "S1", "A-1", offset++, T0.plusSeconds(5));
    kpis.alarmRaised(P, "S1", "A-1", offset++, T0.plusSeconds(5));
    kpis.alarmRaised(P, "S1", "A-2", offset++, T0.plusSeconds(7));
    readAt(95, aReading().build());

    assertThat(kpis.advance().get(0).siteValues())
        .containsEntry(KpiComputed.ALARMS_RAISED, 2.0);
  }

  @Test
  void replayingFromTheCommittableOffsetRebuildsExactlyTheOpenWindows() {
    List<SiteTelemetry> readings = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      readings.add(i % 7 == 3 ? aReading().gridDown().build() : aReading().build());
    }
    KpiCalculator uninterrupted =
        new KpiCalculator(ONE_MINUTE, SiteTerms.defaults(), Duration.ofHours(1));
    List<KpiWindow> expected = new ArrayList<>();
    for (int i = 0; i < readings.size(); i++) {
      uninterrupted.telemetry(P, "S1", i, T0.plusSeconds(i * 7L), readings.get(i));
      expected.addAll(uninterrupted.advance());
    }

    KpiCalculator beforeCrash =
        new KpiCalculator(ONE_MINUTE, SiteTerms.defaults(), Duration.ofHours(1));
    List<KpiWindow> emitted = new ArrayList<>();
    int crashAt = 37;
    for (int i = 0; i < crashAt; i++) {
      beforeCrash.telemetry(P, "S1", i, T0.plusSeconds(i * 7L), readings.get(i));
      emitted.addAll(beforeCrash.advance());
    }
    long committed = beforeCrash.committable(P, crashAt);
    String note = beforeCrash.note(P);

    KpiCalculator afterRestart =
        new KpiCalculator(ONE_MINUTE, SiteTerms.defaults(), Duration.ofHours(1));
    afterRestart.resume(P, note);
    for (int i = (int) committed; i < readings.size(); i++) {
      afterRestart.telemetry(P, "S1", i, T0.plusSeconds(i * 7L), readings.get(i));
      emitted.addAll(afterRestart.advance());
    }

    assertThat(committed).isLessThan(crashAt);
    assertThat(emitted).containsExactlyElementsOf(expected);
  }

  @Test
  void aPartitionAssignedLaterReplaysItsOlderWindowsWithAllTheirReadings() {
    // Partition A (site S2) is live, ten minutes ahead; partition B (site S1) moves to this
    // instance after a kill and replays two minutes of older readings from its commit.
    String a = "towerco.sites.S2.events-0";
    for (int s = 0; s <= 600; s += 10) {
      kpis.telemetry(a, "S2", s / 10, T0.plusSeconds(s), aReading().build());
    }
    kpis.advance();
    kpis.resume(P, "");
    List<KpiWindow> s1 = new ArrayList<>();
    for (int s = 0; s <= 150; s += 10) {
      readAt(s, aReading().build());
      if (s % 50 == 0) {
        s1.addAll(kpis.advance().stream().filter(w -> w.siteId().equals("S1")).toList());
      }
    }
    s1.addAll(kpis.advance().stream().filter(w -> w.siteId().equals("S1")).toList());

    assertThat(kpis.lateReadings()).isZero();
    assertThat(s1).extracting(KpiWindow::start).containsExactly(T0, T0.plusSeconds(60));
    assertThat(s1).allSatisfy(w -> {
      assertThat(w.samples()).isEqualTo(6);
      assertThat(w.siteValues()).containsEntry(KpiComputed.REPORTING_PCT, 100.0);
    });
  }

  @Test
  void aDeviceWithItsClockADayAheadClosesOnlyItsOwnWindows() {
    kpis.telemetry("towerco.sites.S2.events-0", "S2", 0, T0.plusSeconds(86_400),
        aReading().build());
    kpis.telemetry("towerco.sites.S3.events-0", "S3", 0, T0, aReading().build());
    kpis.advance();
    readEvery10s(0, 50, aReading().build());
    kpis.advance();
    readEvery10s(60, 90, aReading().build());

    List<KpiWindow> s1 = kpis.advance().stream().filter(w -> w.siteId().equals("S1")).toList();
    assertThat(kpis.lateReadings()).isZero();
    assertThat(s1).hasSize(1);
    assertThat(s1.get(0).samples()).isEqualTo(6);
  }

  @Test
  void aDeviceAheadClosesOnlyItsOwnWindowsAlsoInAPartitionItSharesWithOtherSites() {
    // a site group's partition carries many sites (ADR-029): S2's clock, a day ahead, must not
    // make S1's readings late
    kpis.telemetry(P, "S2", offset++, T0.plusSeconds(86_400), aReading().build());
    kpis.advance();
    readEvery10s(0, 50, aReading().build());
    kpis.advance();
    readEvery10s(60, 90, aReading().build());

    List<KpiWindow> s1 = kpis.advance().stream().filter(w -> w.siteId().equals("S1")).toList();
    assertThat(kpis.lateReadings()).isZero();
    assertThat(s1).extracting(KpiWindow::start).containsExactly(T0);
    assertThat(s1.get(0).samples()).isEqualTo(6);
  }

  @Test
  void aSilentSiteInABusyPartitionIsClosedByTheReferenceOnceItsStateHasRunOut() {
    readEvery10s(0, 50, aReading().build());
    kpis.telemetry(P, "S2", offset++, T0.plusSeconds(100), aReading().build());
    assertThat(kpis.advance()).as("S1 silent for less than max-gap: still its own time")
        .noneMatch(w -> w.siteId().equals("S1"));
    kpis.telemetry(P, "S2", offset++, T0.plusSeconds(130), aReading().build());
    assertThat(kpis.advance(p -> false)).as("its partition not known to be read to its end")
        .noneMatch(w -> w.siteId().equals("S1"));
    assertThat(kpis.advance()).as("silent for max-gap, partition read: closed by the reference")
        .filteredOn(w -> w.siteId().equals("S1")).extracting(KpiWindow::start)
        .containsExactly(T0);
  }

  @Test
  void aNoteOfTheOldFormatRestoresTheEmittedWindowsButNotAnotherPartitionsStreamTime() {
    long dayAhead = T0.plusSeconds(86_400).toEpochMilli();
    kpis.resume(P, "v1;stream=" + dayAhead + ";S1=" + T0.plusSeconds(60).toEpochMilli());
    readEvery10s(0, 210, aReading().build());

    List<KpiWindow> windows = kpis.advance();
    assertThat(windows).extracting(KpiWindow::start)
        .containsExactly(T0.plusSeconds(60), T0.plusSeconds(120));
    assertThat(windows).allSatisfy(w -> assertThat(w.samples()).isEqualTo(6));
    assertThat(kpis.note(P)).startsWith("v2;stream=" + T0.plusSeconds(210).toEpochMilli());
  }

  @Test
  void aSilentPartitionIsClosedByTheOthersOnlyOnceItsStateHasRunOut() {
    readEvery10s(0, 50, aReading().build());
    kpis.advance();
    kpis.telemetry("other", "S2", 0, T0.plusSeconds(100), aReading().build());
    assertThat(kpis.advance()).as("S1 silent for less than max-gap: still its own time")
        .isEmpty();
    kpis.telemetry("other", "S2", 1, T0.plusSeconds(130), aReading().build());
    List<KpiWindow> s1 = new ArrayList<>(kpis.advance());
    assertThat(s1).as("silent for max-gap: closed by the other partition's time")
        .extracting(KpiWindow::start).containsExactly(T0);
    kpis.telemetry("other", "S2", 2, T0.plusSeconds(200), aReading().build());
    s1.addAll(kpis.advance().stream().filter(w -> w.siteId().equals("S1")).toList());

    assertThat(s1).extracting(KpiWindow::start).containsExactly(T0, T0.plusSeconds(60));
    assertThat(s1.get(0).samples()).isEqualTo(6);
    assertThat(s1.get(1).siteValues()).as("its last state held for max-gap")
        .containsEntry(KpiComputed.REPORTING_PCT, 83.333);
  }

  @Test
  void aQuietPartitionThatIsNotReadToItsEndKeepsItsWindowsOpenUntilItsReadingsArrive() {
    // S1's partition goes quiet because its leader is away (a broker failover): its readings
    // from 60 s on are on their way, not missing. The other partition runs on meanwhile.
    readEvery10s(0, 50, aReading().build());
    kpis.advance(p -> false);
    for (int s = 100; s <= 300; s += 10) {
      kpis.telemetry("other", "S2", s, T0.plusSeconds(s), aReading().build());
      assertThat(kpis.advance(p -> !p.equals(P))).as("S1 not caught up at %d s", s)
          .noneMatch(w -> w.siteId().equals("S1"));
    }
    readEvery10s(60, 150, aReading().build());
    List<KpiWindow> s1 = kpis.advance(p -> !p.equals(P)).stream()
        .filter(w -> w.siteId().equals("S1")).toList();

    assertThat(kpis.lateReadings()).isZero();
    assertThat(s1).extracting(KpiWindow::start).containsExactly(T0, T0.plusSeconds(60));
    assertThat(s1).allSatisfy(w -> assertThat(w.samples()).isEqualTo(6));
  }

  @Test
  void aQuietPartitionReadToItsEndIsClosedByTheOthersOnceItsStateHasRunOut() {
    readEvery10s(0, 50, aReading().build());
    kpis.telemetry("other", "S2", 0, T0.plusSeconds(130), aReading().build());
    assertThat(kpis.advance(p -> !p.equals(P))).as("S1 not known to be read to its end")
        .noneMatch(w -> w.siteId().equals("S1"));
    assertThat(kpis.advance(p -> true)).as("caught up: a silent site, closed by the reference")
        .filteredOn(w -> w.siteId().equals("S1")).extracting(KpiWindow::start)
        .containsExactly(T0);
  }

  @Test
  void aSiteReportingBeforeTheFirstCheckAfterAResumeIsSeenAtTheResumedTimeAndClosedOnceSilent() {
    // "other" resumes from its note at 600 s; S1, new, reports from 0 s before any check.
    kpis.resume("other", "v2;stream=" + T0.plusSeconds(600).toEpochMilli() + ";S2="
        + T0.plusSeconds(540).toEpochMilli());
    readEvery10s(0, 50, aReading().build());
    assertThat(kpis.advance()).as("S1 reported while the reference was 600 s: not silent")
        .noneMatch(w -> w.siteId().equals("S1"));
    readEvery10s(60, 110, aReading().build());
    List<KpiWindow> s1 = new ArrayList<>(kpis.advance().stream()
        .filter(w -> w.siteId().equals("S1")).toList());
    assertThat(kpis.lateReadings()).isZero();
    assertThat(s1).extracting(KpiWindow::start).containsExactly(T0);

    kpis.telemetry("other", "S2", 0, T0.plusSeconds(700), aReading().build());
    List<KpiWindow> silent = kpis.advance().stream()
        .filter(w -> w.siteId().equals("S1")).toList();
    assertThat(silent).as("silent while the reference moved on by max-gap: closed by it")
        .isNotEmpty();
    assertThat(silent.get(0).start()).isEqualTo(T0.plusSeconds(60));
    assertThat(silent.get(0).samples()).isEqualTo(6);
  }

  private void readEvery10s(int fromSecond, int toSecond, SiteTelemetry reading) {
    for (int s = fromSecond; s <= toSecond; s += 10) {
      readAt(s, reading);
    }
  }

  private void readAt(int second, SiteTelemetry reading) {
    kpis.telemetry(P, "S1", offset++, T0.plusSeconds(second), reading);
  }
}
