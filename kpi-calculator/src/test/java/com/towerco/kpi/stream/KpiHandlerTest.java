package com.towerco.kpi.stream;

import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.kpi.domain.KpiCalculator;
import com.towerco.kpi.domain.SiteTerms;
import com.towerco.kpi.domain.Windowing;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.SourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiHandlerTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void aReadingTooLateForAnyOpenWindowIsCountedAsLateAndARepeatAsDuplicate() {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      KpiCalculator calculator = new KpiCalculator(new Windowing(Duration.ofMinutes(1),
          Duration.ofSeconds(30), Duration.ofSeconds(60)), SiteTerms.defaults(),
          Duration.ofHours(1));
      // The handler's publisher is only used after a batch; these readings are only handled.
      KpiHandler handler = new KpiHandler(calculator, null, metrics.forService("kpi"),
          Duration.ofMinutes(10), "towerco");
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

  private static Envelope reading(Instant time) {
    return Envelope.of(EventIds.random(), "towerco", "S1", time, aReading().build(),
        Map.of("producer", "test"));
  }

  private static SourceRecord source(long offset) {
    return new SourceRecord("towerco.sites.S1.events", 0, offset, "S1", new byte[0], 0L);
  }
}
