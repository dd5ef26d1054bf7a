package com.towerco.kpi;

import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.EventTypes;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.EventHeaders;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The KPI calculator on readings written as the platform writes them (ADR-018, ADR-037). */
class KpiProjectedReadIT {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final ServiceSettings TEN_SECOND_WINDOWS = ServiceSettings.empty()
      .with("kpi.window", "PT10S").with("kpi.grace", "PT2S").with("kpi.max-gap", "PT5S");

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  /**
   * The projected read (ADR-037): readings written with routing headers, as the platform's
   * writers write them, are read projected and make the same windows as the test above; a
   * reading without headers (a third party's) is decoded in full and counts the same; a
   * reading whose battery charge (a field the KPIs read) is out of range is dead-lettered by
   * this service with the codec's reason, and does not count.
   */
  @Test
  void readingsWithHeadersAreReadProjectedAndOneMalformedInAFieldKpisReadIsDeadLettered()
      throws Exception {
    ServiceContext context = kafka.context();
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register("P1", aSite().withTenant("altel").withTenant("borealis").build(), T0);
      feeder.flush();
      PlatformService service = new KpiCalculatorServiceFactory().create(context,
          TEN_SECOND_WINDOWS);
      service.start();
      String badId = null;
      for (int s = 0; s < 25; s++) {
        Envelope reading = Envelope.of(EventIds.random(), "towerco", "P1",
            T0.plusSeconds(s), reading(s), Map.of("producer", "test"));
        if (s == 6) {
          feeder.send(reading); // no headers: decoded in full
        } else {
          feeder.withHeaders(reading);
        }
        if (s == 4) {
          feeder.withHeaders(reading); // a duplicate, read projected, counts once
        }
        if (s == 8) {
          Envelope bad = Envelope.of(EventIds.random(), "towerco", "P1",
              T0.plusSeconds(8).plusMillis(500), reading(8), Map.of("producer", "test"));
          badId = bad.eventId();
          byte[] json = new EventCodec().encode(bad);
          String text = new String(json, StandardCharsets.UTF_8);
          String malformed = text.replaceFirst("\"soc_pct\":[0-9.]+", "\"soc_pct\":150.0");
          assertThat(malformed).isNotEqualTo(text);
          feeder.raw("P1", malformed.getBytes(StandardCharsets.UTF_8),
              EventHeaders.of(bad));
        }
      }
      feeder.flush();
      Map<Instant, KpiComputed> site = awaitKpis("towerco", 2);
      String expectedBad = badId;
      try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(), Pattern.compile(
          Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
        var dead = dlq.readUntil(records -> records.stream().anyMatch(r ->
            new String(r.value(), StandardCharsets.UTF_8)
                .contains(expectedBad)), Duration.ofSeconds(60)).stream()
            .filter(r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains(expectedBad)
                && "kpi".equals(DeadLetters.header(r.headers(),
                    DeadLetters.SERVICE)))
            .findFirst().orElseThrow();
        assertThat(DeadLetters.header(dead.headers(),
            DeadLetters.REASON)).isEqualTo("SCHEMA_VIOLATION");
        assertThat(DeadLetters.header(dead.headers(),
            DeadLetters.DETAIL)).contains("soc_pct");
      }
      service.close();

      KpiComputed firstWindow = site.get(T0);
      assertThat(firstWindow.samples()).as("the duplicate counts once, the bad one not at all")
          .isEqualTo(10);
      assertThat(firstWindow.values())
          .containsEntry(KpiComputed.GRID_AVAILABILITY_PCT, 70.0)
          .containsEntry(KpiComputed.REPORTING_PCT, 100.0);
      assertThat(awaitKpis("borealis", 2).get(T0).values())
          .containsEntry(KpiComputed.POWER_AVAILABILITY_PCT, 90.0);
    }
  }

  /** Grid down from 3 s to 6 s; borealis unpowered from 7 s to 8 s. */
  private static SiteTelemetry reading(int second) {
    var reading = second >= 3 && second < 6 ? aReading().gridDown().generatorRunning()
        : aReading();
    return reading.tenant("altel", 53.5, 1.0)
        .tenant("borealis", second == 7 ? 0.0 : 53.5, 2.0).build();
  }

  private Map<Instant, KpiComputed> awaitKpis(String tenant, int windows) {
    try (TopicReader reader = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote("towerco.kpis." + tenant + ".metrics")))) {
      reader.readUntil(r -> r.size() >= windows, Duration.ofSeconds(60));
      List<Envelope> events = reader.readFor(Duration.ofMillis(500)).isEmpty() ? List.of()
          : reader.events(EventTypes.of(KpiComputed.class).name());
      Map<Instant, KpiComputed> byWindow = new TreeMap<>();
      for (Envelope e : events) {
        KpiComputed kpi = e.payloadAs(KpiComputed.class);
        KpiComputed previous = byWindow.put(kpi.windowStart(), kpi);
        assertThat(previous == null || previous.equals(kpi))
            .as("a window is never published with two different values").isTrue();
      }
      return byWindow;
    }
  }
}
