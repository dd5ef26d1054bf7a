package com.towerco.platform.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.ListeningSockets;
import com.towerco.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedKafkaBrokerIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void listensOnTheLoopbackInterfaceOnlyByDefault() throws Exception {
    String bootstrap = kafka.bootstrapServers();
    int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));

    assertThat(ListeningSockets.localAddresses(port)).containsOnly("127.0.0.1");
  }

  @Test
  void refusesToListenBeyondThisMachineWithoutAuthenticationUnlessAccepted() {
    BrokerSettings wide = BrokerSettings.local(kafka.dataDir().resolve("unused"), 0)
        .listenOn("0.0.0.0", 0);

    assertThatThrownBy(() -> wide.requireSafeExposure(false))
        .hasMessageContaining("without authentication");
    wide.requireSafeExposure(true);
  }

  @Test
  void keepsEveryEventAcrossARestartOnTheSameDataDirectory() {
    var context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, "RESTART1");
    KafkaClients clients = context.clients();
    try (KafkaProducer<String, byte[]> producer = clients.producer("restart-test")) {
      for (int i = 0; i < 1_000; i++) {
        producer.send(new ProducerRecord<>(topic, "RESTART1",
            ("event-" + i).getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }

    kafka.restart();

    try (TopicReader reader = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(topic)))) {
      var records = reader.readUntil(r -> r.size() >= 1_000, Duration.ofSeconds(60));
      assertThat(records).hasSize(1_000);
      assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
          .contains("event-0", "event-999");
    }
  }
}
