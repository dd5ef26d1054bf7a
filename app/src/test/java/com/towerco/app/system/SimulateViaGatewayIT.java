package com.towerco.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.app.PlatformProcess;
import com.towerco.app.Services;
import com.towerco.app.sites.SiteRoutes;
import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.ingest.kafka.SiteEventWriter;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.simulator.SimulatorService;
import com.towerco.simulator.SimulatorServiceFactory;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The simulator as a fleet that speaks the gateway's protocols ({@code --via snmp}: alarms as
 * SNMP informs, the rest over MQTT to the embedded broker): everything it sends arrives on the
 * site topics through the gateway, and nothing is rejected.
 */
class SimulateViaGatewayIT {
  private static final int MQTT_PORT = 21_011;
  private static final int SNMP_PORT = 21_012;

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void aSimulatedFleetReportsThroughTheGatewayOverMqttAndSnmp() {
    SiteRoutes routes = new SiteRoutes("snmp", "tcp://127.0.0.1:" + MQTT_PORT, null, null, null,
        null, "127.0.0.1", SNMP_PORT, "public", null, "it-simulated-sites");
    List<ServiceFactory> factories = new ArrayList<>(Services.select(List.of("ingest")));
    factories.add(new SimulatorServiceFactory(Clock.systemUTC(), routes.route()));
    Map<String, String> settings = Map.of("ingest.mqtt-embedded-port", "" + MQTT_PORT,
        "ingest.snmp-port", "" + SNMP_PORT, "simulator.sites", "4", "simulator.mode", "fast",
        "simulator.duration", "PT2M", "simulator.faults", "mains-outage:S0002@20s+40s");
    try (PlatformProcess platform = PlatformProcess.start(new PlatformProcess.Spec(
        kafka.bootstrapServers(), false, 0, kafka.dataDir().resolve("via"), factories,
        new ServiceSettings(settings), -1, c -> c.withTopicLayout(2, 2, (short) 1),
        Authenticator.openAccess()))) {
      SimulatorService simulator = platform.services().stream()
          .filter(SimulatorService.class::isInstance).map(SimulatorService.class::cast)
          .findFirst().orElseThrow();
      await().atMost(Duration.ofSeconds(60)).until(simulator::isFinished);
      assertThat(simulator.isReady()).as("the run ended without an error").isTrue();
      long sent = simulator.report().totalEvents()
          - simulator.report().eventsByType().getOrDefault("site.registered", 0L);

      try (TopicReader events = new TopicReader(kafka.bootstrapServers(),
          TopicFamily.SITE_EVENTS.pattern());
           TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
               Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
        events.readUntil(r -> r.size() >= sent, Duration.ofSeconds(60));
        List<Envelope> arrived = events.events();
        assertThat(arrived.stream().map(Envelope::eventId).distinct().count())
            .as("every event the fleet sent, once").isEqualTo(sent);
        assertThat(arrived).allSatisfy(e -> assertThat(e.metadata())
            .containsKey("source_protocol"));
        assertThat(arrived.stream().filter(e -> e.payload() instanceof SiteAlarm)
            .map(e -> e.metadata().get("source_protocol")))
            .as("the power system's alarms came as traps").isNotEmpty().containsOnly("snmp");
        assertThat(dlq.readFor(Duration.ofSeconds(1)).stream().filter(r ->
            DeadLetters.header(r.headers(), SiteEventWriter.PROTOCOL) != null)).isEmpty();
      }
    }
  }
}
