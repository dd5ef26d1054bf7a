package com.towerco.kpi;

import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.EventTypes;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KpiCalculatorIT {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final ServiceSettings TEN_SECOND_WINDOWS = ServiceSettings.empty()
      .with("kpi.window", "PT10S").with("kpi.grace", "PT2S").with("kpi.max-gap", "PT5S");

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  @Order(1)
  void publishesEveryWindowOnceForTheSiteAndEachTenancyAcrossARestartCountingDuplicatesOnce() {
    ServiceContext context = kafka.context();
    KpiCalculatorServiceFactory factory = new KpiCalculatorServiceFactory();
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register("K1", aSite().withTenant("altel").withTenant("borealis").build(), T0);
      feeder.flush();
      PlatformService first = factory.create(context, TEN_SECOND_WINDOWS);
      first.start();
      for (int s = 0; s < 16; s++) {
        Envelope sent = feeder.site("K1", T0.plusSeconds(s), reading(s));
        if (s == 4) {
          feeder.send(sent);
        }
      }
      feeder.flush();
      awaitKpis("towerco", "K1", 1);
      first.close();

      PlatformService second = factory.create(context, TEN_SECOND_WINDOWS);
      second.start();
      for (int s = 16; s < 45; s++) {
        feeder.site("K1", T0.plusSeconds(s), reading(s));
      }
      feeder.flush();
      Map<Instant, KpiComputed> site = awaitKpis("towerco", "K1", 4);
      second.close();

      assertThat(site.keySet()).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(20),
          T0.plusSeconds(30));
      KpiComputed firstWindow = site.get(T0);
      assertThat(firstWindow.samples()).as("the duplicated reading counts once").isEqualTo(10);
      assertThat(firstWindow.values())
          .containsEntry(KpiComputed.GRID_AVAILABILITY_PCT, 70.0)
          .containsEntry(KpiComputed.REPORTING_PCT, 100.0);
      assertThat(site.get(T0.plusSeconds(10)).values())
          .containsEntry(KpiComputed.GRID_AVAILABILITY_PCT, 100.0);
      assertThat(awaitKpis("altel", "K1", 4).get(T0).values())
          .containsEntry(KpiComputed.POWER_AVAILABILITY_PCT, 100.0);
      assertThat(awaitKpis("borealis", "K1", 4).get(T0).values())
          .containsEntry(KpiComputed.POWER_AVAILABILITY_PCT, 90.0);
    }
  }

  /**
   * After the test above, on the same broker and consumer group: the service resumes K1's
   * partition from its note and replays K1's open window (event times up to 44 s), then a new
   * site reports at the same event times as K1 did, one reading delivered twice. The repeat
   * is older than the deduplicator's horizon measured from the newest event time of the whole
   * instance (K1's 44 s), so the deduplicator cannot check it; the site's own window must
   * still count it once.
   */
  @Test
  @Order(2)
  void aNewSiteBehindAnotherSiteOfTheInstanceCountsADuplicatedReadingOnce() {
    ServiceContext context = kafka.context();
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register("K2", aSite().withTenant("altel").withTenant("borealis").build(), T0);
      feeder.flush();
      PlatformService service = new KpiCalculatorServiceFactory().create(context,
          TEN_SECOND_WINDOWS);
      service.start();
      for (int s = 0; s < 25; s++) {
        Envelope sent = feeder.site("K2", T0.plusSeconds(s), reading(s));
        if (s == 4) {
          feeder.send(sent);
        }
      }
      feeder.flush();
      Map<Instant, KpiComputed> site = awaitKpis("towerco", "K2", 2);
      service.close();

      KpiComputed firstWindow = site.get(T0);
      assertThat(firstWindow.samples()).as("the duplicated reading counts once").isEqualTo(10);
      assertThat(firstWindow.values())
          .containsEntry(KpiComputed.GRID_AVAILABILITY_PCT, 70.0)
          .containsEntry(KpiComputed.REPORTING_PCT, 100.0);
    }
  }

  /** Grid down from 3 s to 6 s; borealis unpowered from 7 s to 8 s. */
  private static SiteTelemetry reading(int second) {
    var reading = second >= 3 && second < 6 ? aReading().gridDown().generatorRunning()
        : aReading();
    return reading.tenant("altel", 53.5, 1.0)
        .tenant("borealis", second == 7 ? 0.0 : 53.5, 2.0).build();
  }

  /** The site's KPI windows on the tenant's topic (other sites' are left out). */
  private Map<Instant, KpiComputed> awaitKpis(String tenant, String siteId, int windows) {
    try (TopicReader reader = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote("towerco.kpis." + tenant + ".metrics")))) {
      reader.readUntil(r -> r.stream().filter(k -> siteId.equals(k.key())).count() >= windows,
          Duration.ofSeconds(60));
      List<Envelope> events = reader.readFor(Duration.ofMillis(500)).isEmpty() ? List.of()
          : reader.events(EventTypes.of(KpiComputed.class).name());
      Map<Instant, KpiComputed> byWindow = new TreeMap<>();
      for (Envelope e : events) {
        KpiComputed kpi = e.payloadAs(KpiComputed.class);
        if (!kpi.siteId().equals(siteId)) {
          continue;
        }
        KpiComputed previous = byWindow.put(kpi.windowStart(), kpi);
        assertThat(previous == null || previous.equals(kpi))
            .as("a window is never published with two different values").isTrue();
      }
      return byWindow;
    }
  }
}
