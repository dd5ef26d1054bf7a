package com.towerco.ingest.watchdog;

import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WatchdogIT {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  /**
   * W1 reports on its group topic, W2 on a topic named after it from before ADR-029: both are
   * watched, judged silent and found again the same way.
   */
  @Test
  void aSiteThatStopsReportingIsLostViaItsHubAndFoundWhenItReportsAgain() {
    ServiceContext context = kafka.context();
    PlatformService watchdog;
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register("W0", aSite().asHub().build(), T0);
      feeder.register("W1", aSite().behindHub("W0").build(), T0);
      feeder.register("W2", aSite().behindHub("W0").build(), T0);
      feeder.flush();
      // The site topics exist before the watchdog starts, as they do in production (provisioned
      // at registration; a site's own topic from before ADR-029 existed before the upgrade): this
      // test is about judging silence, not about discovering topics created while it runs.
      List<String> siteTopics = new java.util.ArrayList<>(TopicFamily.SITE_EVENTS.topics());
      siteTopics.add(EventFeeder.legacyTopic("W2"));
      context.topics().ensureAll(TopicFamily.SITE_EVENTS, siteTopics);
      watchdog = new WatchdogServiceFactory().create(context, ServiceSettings.empty()
          .with("watchdog.cadence", "PT10S").with("watchdog.silent-cadences", "3")
          .with("watchdog.min-silence", "PT10S"));
      watchdog.start();
      for (int s = 0; s <= 200; s += 10) {
        feeder.site("W0", T0.plusSeconds(s), aReading().build());
        if (s <= 60 || s >= 180) {
          feeder.site("W1", T0.plusSeconds(s), aReading().build());
          feeder.legacySite("W2", T0.plusSeconds(s), aReading().build());
        }
      }
      feeder.flush();
    }
    try (TopicReader events = new TopicReader(kafka.bootstrapServers(),
        TopicFamily.SITE_EVENTS.pattern())) {
      events.readUntil(r -> connectivity(events, "W1").size() >= 2
          && connectivity(events, "W2").size() >= 2, Duration.ofSeconds(60));
      List<Envelope> transitions = connectivity(events, "W1");
      assertThat(transitions).hasSize(2);
      assertThat(events.events("site.connectivity")).as("only W1 and W2 went silent")
          .allSatisfy(e -> assertThat(e.siteId()).isIn("W1", "W2"));
      List<Envelope> legacy = connectivity(events, "W2");
      assertThat(legacy).extracting(Envelope::timestamp)
          .containsExactly(T0.plusSeconds(90), T0.plusSeconds(180));
      SiteConnectivity lost = transitions.get(0).payloadAs(SiteConnectivity.class);
      assertThat(lost.state()).isEqualTo(SiteConnectivity.ConnectivityState.UNREACHABLE);
      assertThat(lost.viaHubSiteId()).isEqualTo("W0");
      assertThat(transitions.get(0).timestamp()).isEqualTo(T0.plusSeconds(90));
      assertThat(transitions.get(1).payloadAs(SiteConnectivity.class).state())
          .isEqualTo(SiteConnectivity.ConnectivityState.REACHABLE);
      assertThat(transitions.get(1).timestamp()).isEqualTo(T0.plusSeconds(180));
    } finally {
      watchdog.close();
    }
  }

  private static List<Envelope> connectivity(TopicReader events, String site) {
    return events.events("site.connectivity").stream().filter(e -> e.siteId().equals(site))
        .toList();
  }
}
