package com.towerco.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.ingest.mqtt.EmbeddedMqttBroker;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.KafkaExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ready and live are different: an MQTT broker that goes away makes the gateway not ready (Paho
 * reconnects) but it stays live: only an intake that died for good makes it not live.
 */
class IngestLivenessIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void aLostMqttBrokerMakesTheGatewayNotReadyButStillLive() throws Exception {
    ServiceContext context = kafka.context();
    EmbeddedMqttBroker broker = EmbeddedMqttBroker.start("127.0.0.1", 0);
    boolean brokerStopped = false;
    try (IngestGatewayService gateway = (IngestGatewayService) new IngestGatewayServiceFactory()
        .create(context, new ServiceSettings(Map.of("ingest.gateway-id", "gw-live",
            "ingest.mqtt-url", broker.url(), "ingest.mqtt-client-id", "gw-live-it",
            "ingest.snmp-port", "0")))) {
      gateway.start();
      assertThat(gateway.isReady()).isTrue();
      assertThat(gateway.isLive()).isTrue();
      broker.close();
      brokerStopped = true;
      long deadline = System.currentTimeMillis() + 30_000;
      while (gateway.isReady() && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertThat(gateway.isReady()).isFalse();
      assertThat(gateway.isLive()).isTrue();
    } finally {
      if (!brokerStopped) {
        broker.close();
      }
    }
  }
}
