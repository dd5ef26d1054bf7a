package com.towerco.kpi.stream;

import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.kpi.domain.KpiCalculator;
import com.towerco.kpi.domain.KpiWindow;
import com.towerco.kpi.domain.SiteTerms;
import com.towerco.kpi.domain.Windowing;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.SourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KpiHandlerTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void aReadingTooLateForAnyOpenWindowIsCountedAsLateAndARepeatAsDuplicate() {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      KpiCalculator calculator = minuteWindows();
      // The handler's publisher is only used after a batch; these readings are only handled.
      KpiHandler handler = handler(calculator, metrics, Duration.ofMinutes(10));
      long offset = 0;
      for (int s = 0; s <= 90; s += 10) {
        handler.handle(reading(T0.plusSeconds(s)), source(offset++));
      }
      calculator.advance();
      Envelope late = reading(T0.plusSeconds(30));
      handler.handle(late, source(offset++));
      handler.handle(late, source(offset++));

      String scrape = metrics.scrape();
      assertThat(scrape).contains("towerco_late_events_total{service=\"kpi\"} 1.0")
          .contains("towerco_duplicates_skipped_total{service=\"kpi\"} 1.0");
    }
  }

  @Test
  void aPartitionAssignedBehindAnotherThatIsFarAheadCountsEveryReplayedReading() {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      KpiCalculator calculator = minuteWindows();
      KpiHandler handler = handler(calculator, metrics, Duration.ofMinutes(10));
      TopicPartition s1 = new TopicPartition("towerco.sites.S1.events", 0);
      TopicPartition s2 = new TopicPartition("towerco.sites.S2.events", 0);
      handler.onAssigned(Map.of(s2, ""));
      for (int s = 0; s <= 900; s += 10) {
        handler.handle(reading("S2", T0.plusSeconds(s)), source(s2, s / 10));
      }
      calculator.advance();
      // S1 moves here from a killed instance and replays from its committed offset.
      handler.onAssigned(Map.of(s1, ""));
      List<KpiWindow> s1Windows = new ArrayList<>();
      for (int s = 0; s <= 150; s += 10) {
        handler.handle(reading("S1", T0.plusSeconds(s)), source(s1, s / 10));
        s1Windows.addAll(calculator.advance().stream()
            .filter(w -> w.siteId().equals("S1")).toList());
      }

      assertThat(calculator.lateReadings()).isZero();
      assertThat(metrics.scrape())
          .doesNotContainPattern("towerco_late_events_total\\{service=\"kpi\"} [1-9]");
      assertThat(s1Windows).hasSize(2).allSatisfy(w -> assertThat(w.samples()).isEqualTo(6));
      handler.onRevoked(List.of(s1));
      assertThat(calculator.note("towerco.sites.S1.events-0")).doesNotContain("S1=");
    }
  }

  /**
   * A rebalance that takes a partition away and gives it back (every rebalance of the eager
   * protocol does) makes the instance forget the partition's open windows and replay them from
   * the committed offset. The replayed readings are the same events the instance saw before the
   * revocation; they must be counted again, not skipped as duplicates (they were: the window
   * then had no sample at all).
   */
  @Test
  void aPartitionRevokedAndAssignedBackCountsItsReplayedReadingsOnce() {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      KpiCalculator calculator = minuteWindows();
      KpiHandler handler = handler(calculator, metrics, Duration.ofMinutes(10));
      TopicPartition s1 = new TopicPartition("towerco.sites.S1.events", 0);
      handler.onAssigned(Map.of(s1, ""));
      List<Envelope> sent = new ArrayList<>();
      for (int s = 0; s <= 50; s += 10) {
        sent.add(reading("S1", T0.plusSeconds(s)));
        handler.handle(sent.get(sent.size() - 1), source(s1, s / 10));
      }
      calculator.advance();
      var commit = handler.committable(s1, sent.size());
      assertThat(commit.offset()).as("the open window still needs the first reading").isZero();

      handler.onRevoked(List.of(s1));
      handler.onAssigned(Map.of(s1, commit.metadata()));
      for (int i = 0; i < sent.size(); i++) {
        handler.handle(sent.get(i), source(s1, i));
      }
      List<KpiWindow> windows = new ArrayList<>();
      for (int s = 60; s <= 150; s += 10) {
        handler.handle(reading("S1", T0.plusSeconds(s)), source(s1, s / 10));
        windows.addAll(calculator.advance());
      }

      assertThat(windows).extracting(KpiWindow::start).containsExactly(T0, T0.plusSeconds(60));
      assertThat(windows).allSatisfy(w -> assertThat(w.samples()).isEqualTo(6));
      assertThat(metrics.scrape())
          .doesNotContainPattern("towerco_duplicates_skipped_total\\{service=\"kpi\"} [1-9]");
    }
  }

  @Test
  void aReadingWithHeadersIsReadProjectedAndARepeatCountsOnce() throws Exception {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      KpiCalculator calculator = minuteWindows();
      KpiHandler handler = handler(calculator, metrics, Duration.ofMinutes(10));
      com.towerco.events.EventCodec codec = new com.towerco.events.EventCodec();
      long offset = 0;
      for (int s = 0; s <= 90; s += 10) {
        Envelope event = reading(T0.plusSeconds(s));
        SourceRecord source = new SourceRecord("towerco.sites.S1.events", 0, offset++, "S1",
            codec.encode(event), 0L);
        assertThat(handler.handleUndecoded(
            com.towerco.platform.kafka.EventHeaders.Attributes.of(event), source)).isTrue();
        if (s == 20) {
          assertThat(handler.handleUndecoded(
              com.towerco.platform.kafka.EventHeaders.Attributes.of(event), source)).isTrue();
        }
      }
      List<KpiWindow> windows = calculator.advance();
      assertThat(windows).hasSize(1);
      assertThat(windows.get(0).samples()).isEqualTo(6);
      assertThat(metrics.scrape())
          .contains("towerco_duplicates_skipped_total{service=\"kpi\"} 1.0");
    }
  }

  /**
   * KpiCalculatorIT's second test without Kafka: the instance has a site at 44 s (K1, replayed
   * after a restart), then a new site (K2) reports from 0 s, in another partition, reading 4 s
   * delivered twice. When the deduplicator was one per instance its horizon (window + grace +
   * gap, 17 s) was measured from the newest event time of the whole instance, so it could not
   * check K2's readings before 27 s and let the repeat through; whichever guard catches it (the
   * partition's deduplicator now, the window's reading times behind it), it counts once.
   */
  @Test
  void aRepeatOlderThanTheDeduplicatorsHorizonOfTheInstanceCountsOnceInItsSitesWindow() {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      KpiCalculator calculator = secondsWindows();
      KpiHandler handler = handler(calculator, metrics, SECONDS_HORIZON);
      for (int s = 40; s < 45; s++) {
        handler.handle(reading("K1", T0.plusSeconds(s)), source(k1, s));
      }
      calculator.advance();
      List<KpiWindow> k2Windows = new ArrayList<>();
      for (int s = 0; s < 25; s++) {
        Envelope sent = reading("K2", T0.plusSeconds(s));
        handler.handle(sent, source(k2, s));
        if (s == 4) {
          handler.handle(sent, source(k2, 100));
        }
        k2Windows.addAll(calculator.advance().stream()
            .filter(w -> w.siteId().equals("K2")).toList());
      }

      assertThat(k2Windows).extracting(KpiWindow::start)
          .containsExactly(T0, T0.plusSeconds(10));
      assertThat(k2Windows.get(0).samples()).as("reading 4 s delivered twice counts once")
          .isEqualTo(10);
      assertThat(k2Windows.get(1).samples()).isEqualTo(10);
    }
  }

  /**
   * The probe behind KpiCalculatorIT's restart: the instance resumes K1's partition from its
   * note (stream time 44 s, windows up to 40 s emitted) and replays K1's open window; a new
   * site K2, in another partition, delivers its first readings (0-4 s) before the instance's
   * first window check. K2 is sending, not silent: the reference time was already 44 s when
   * its readings came, so it must not close K2's windows (it did: a first window of 5 samples,
   * empty windows after it and 20 readings counted late).
   */
  @Test
  void aNewSiteReportingBeforeTheFirstCheckAfterAResumeIsNotClosedAsSilent() {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      KpiCalculator calculator = secondsWindows();
      KpiHandler handler = handler(calculator, metrics, SECONDS_HORIZON);
      handler.onAssigned(Map.of(
          k1, "v2;stream=" + T0.plusSeconds(44).toEpochMilli()
              + ";K1=" + T0.plusSeconds(40).toEpochMilli(),
          k2, ""));
      for (int s = 40; s < 45; s++) {
        handler.handle(reading("K1", T0.plusSeconds(s)), source(k1, s));
      }
      for (int s = 0; s < 5; s++) {
        handler.handle(reading("K2", T0.plusSeconds(s)), source(k2, s));
      }
      List<KpiWindow> k2Windows = new ArrayList<>();
      for (int s = 5; s < 25; s++) {
        k2Windows.addAll(calculator.advance().stream()
            .filter(w -> w.siteId().equals("K2")).toList());
        handler.handle(reading("K2", T0.plusSeconds(s)), source(k2, s));
      }
      k2Windows.addAll(calculator.advance().stream()
          .filter(w -> w.siteId().equals("K2")).toList());

      assertThat(calculator.lateReadings()).as("none of K2's readings is late").isZero();
      assertThat(metrics.scrape())
          .doesNotContainPattern("towerco_late_events_total\\{service=\"kpi\"} [1-9]");
      assertThat(k2Windows).extracting(KpiWindow::start)
          .containsExactly(T0, T0.plusSeconds(10));
      assertThat(k2Windows).allSatisfy(w -> assertThat(w.samples()).isEqualTo(10));
    }
  }

  // K1's and K2's partitions, as in KpiCalculatorIT (two site-partitions per group topic there).
  private static final TopicPartition k1 = new TopicPartition("towerco.sites.group-11.events", 1);
  private static final TopicPartition k2 = new TopicPartition("towerco.sites.group-03.events", 1);
  private static final Windowing SECONDS = new Windowing(Duration.ofSeconds(10),
      Duration.ofSeconds(2), Duration.ofSeconds(5));
  /** The service's deduplication horizon for those windows: window + grace + max gap. */
  private static final Duration SECONDS_HORIZON =
      SECONDS.size().plus(SECONDS.grace()).plus(SECONDS.maxGap());

  /** KpiCalculatorIT's windowing: 10 s windows, 2 s grace, 5 s max gap. */
  private static KpiCalculator secondsWindows() {
    return new KpiCalculator(SECONDS, SiteTerms.defaults(), Duration.ofHours(1));
  }

  /** 1-minute windows, 30 s grace, 60 s max gap. */
  private static KpiCalculator minuteWindows() {
    return new KpiCalculator(new Windowing(Duration.ofMinutes(1), Duration.ofSeconds(30),
        Duration.ofSeconds(60)), SiteTerms.defaults(), Duration.ofHours(1));
  }

  /** The handler's publisher is only used after a batch; these tests only handle readings. */
  private static KpiHandler handler(KpiCalculator calculator, PlatformMetrics metrics,
      Duration dedupHorizon) {
    return new KpiHandler(calculator, null, metrics.forService("kpi"), dedupHorizon, "towerco");
  }

  private static Envelope reading(String site, Instant time) {
    return Envelope.of(EventIds.random(), "towerco", site, time, aReading().build(),
        Map.of("producer", "test"));
  }

  private static SourceRecord source(TopicPartition tp, long offset) {
    return new SourceRecord(tp.topic(), tp.partition(), offset, "k", new byte[0], 0L);
  }

  private static Envelope reading(Instant time) {
    return Envelope.of(EventIds.random(), "towerco", "S1", time, aReading().build(),
        Map.of("producer", "test"));
  }

  private static SourceRecord source(long offset) {
    return new SourceRecord("towerco.sites.S1.events", 0, offset, "S1", new byte[0], 0L);
  }
}
