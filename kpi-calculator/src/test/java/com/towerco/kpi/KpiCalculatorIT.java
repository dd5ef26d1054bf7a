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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KpiCalculatorIT {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final ServiceSettings TEN_SECOND_WINDOWS = ServiceSettings.empty()
      .with("kpi.window", "PT10S").with("kpi.grace", "PT2S").with("kpi.max-gap", "PT5S");

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
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
      awaitKpis("towerco", 1);
      first.close();

      PlatformService second = factory.create(context, TEN_SECOND_WINDOWS);
      second.start();
      for (int s = 16; s < 45; s++) {
        feeder.site("K1", T0.plusSeconds(s), reading(s));
      }
      feeder.flush();
      Map<Instant, KpiComputed> site = awaitKpis("towerco", 4);
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
      assertThat(awaitKpis("altel", 4).get(T0).values())
          .containsEntry(KpiComputed.POWER_AVAILABILITY_PCT, 100.0);
      assertThat(awaitKpis("borealis", 4).get(T0).values())
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
