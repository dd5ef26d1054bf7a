package com.towerco.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.ingest.mqtt.EmbeddedMqttBroker;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.KafkaExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A gateway whose MQTT broker is not up yet when it starts (a broker still starting, or one that
 * drops the first connection) waits for it within its start patience instead of failing its
 * start: here a real broker comes up two seconds after the gateway began to start.
 */
class LateMqttBrokerIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void theGatewayStartsOnceItsBrokerComesUp() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    int brokerPort = port;
    CompletableFuture<EmbeddedMqttBroker> broker = CompletableFuture.supplyAsync(
        () -> EmbeddedMqttBroker.start("127.0.0.1", brokerPort),
        CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
    try (IngestGatewayService gateway = (IngestGatewayService) new IngestGatewayServiceFactory()
        .create(kafka.context(), new ServiceSettings(Map.of("ingest.gateway-id", "gw-late",
            "ingest.mqtt-url", "tcp://127.0.0.1:" + port,
            "ingest.mqtt-client-id", "it-late-broker")))) {
      gateway.start();
      assertThat(broker).isDone();
      assertThat(gateway.isReady()).isTrue();
    } finally {
      broker.get(30, TimeUnit.SECONDS).close();
    }
  }
}
