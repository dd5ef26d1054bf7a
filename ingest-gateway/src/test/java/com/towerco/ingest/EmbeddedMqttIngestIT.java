package com.towerco.ingest;

import static com.towerco.ingest.DeviceMessages.bytes;
import static com.towerco.ingest.DeviceMessages.message;
import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.ingest.mqtt.MqttTopicLayout;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded default: no MQTT URL given, the gateway brings its own broker (Moquette). */
class EmbeddedMqttIngestIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void withoutAnMqttUrlTheGatewayRunsItsOwnBrokerAndSitesPublishToIt() throws Exception {
    ServiceContext context = kafka.context();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register("E1", aSite().withTenant("altel").build(), now);
      feeder.flush();
    }
    try (IngestGatewayService gateway = (IngestGatewayService) new IngestGatewayServiceFactory()
        .create(context, new ServiceSettings(Map.of("ingest.gateway-id", "gw-embedded")))) {
      gateway.start();
      assertThat(gateway.mqttUrl()).startsWith("tcp://127.0.0.1:").doesNotEndWith(":0");
      assertThat(gateway.isReady()).isTrue();
      MqttClient site = new MqttClient(gateway.mqttUrl(), "site-E1", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      // Paho frees an in-flight slot after the publish returns: back-to-back QoS 1 publishes
      // can find the default window of 10 still full ("Too many publishes in progress")
      options.setMaxInflight(1_000);
      site.connect(options);
      site.publish(MqttTopicLayout.standard().topic("E1", "site.telemetry"),
          bytes(message(now, aReading().build())), 1, false);
      site.disconnect();
      site.close();
      try (TopicReader events = TopicReader.sites(kafka.bootstrapServers(), "E1")) {
        events.readUntil(r -> !r.isEmpty(), Duration.ofSeconds(30));
        assertThat(events.events()).singleElement().satisfies(e -> {
          assertThat(e.timestamp()).isEqualTo(now);
          assertThat(e.metadata()).containsEntry("gateway_id", "gw-embedded");
        });
      }
    }
  }
}
