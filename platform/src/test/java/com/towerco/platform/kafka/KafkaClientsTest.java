package com.towerco.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.platform.PlatformConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {
  private final KafkaClients clients = new KafkaClients(new PlatformConfig("localhost:9092",
      Map.of("security.protocol", "SASL_SSL", "admin.request.timeout.ms", "5000",
          "producer.linger.ms", "20", "consumer.max.poll.records", "10"),
      4, 3, (short) 1, "towerco", Path.of("data"), "0"));

  @Test
  void passesAdminSettingsThroughLikeTheOtherClientKinds() {
    assertThat(clients.adminProperties()).containsEntry("request.timeout.ms", "5000")
        .containsEntry("security.protocol", "SASL_SSL")
        .doesNotContainKey("admin.request.timeout.ms")
        .doesNotContainKey("linger.ms");
    assertThat(clients.producerProperties("p")).containsEntry("linger.ms", "20")
        .doesNotContainKey("request.timeout.ms");
    assertThat(clients.consumerProperties("g", "c")).containsEntry("max.poll.records", "10");
  }

  @Test
  void offThePathConsumersRefreshMetadataAtTheirPaceUnlessTheConfigSaysOtherwise() {
    assertThat(clients.consumerProperties("g", "c"))
        .containsEntry("metadata.max.age.ms", KafkaClients.METADATA_MAX_AGE_MS)
        .containsEntry("fetch.max.wait.ms", KafkaClients.FETCH_MAX_WAIT_MS);
    assertThat(clients.consumerProperties("g", "c", FetchPace.BACKGROUND))
        .containsEntry("metadata.max.age.ms", 15_000)
        .containsEntry("fetch.max.wait.ms", KafkaClients.FETCH_MAX_WAIT_MS);
    KafkaClients overridden = new KafkaClients(new PlatformConfig("localhost:9092",
        Map.of("consumer.metadata.max.age.ms", "60000"), 4, 3, (short) 1, "towerco",
        Path.of("data"), "0"));
    assertThat(overridden.consumerProperties("g", "c", FetchPace.BACKGROUND))
        .containsEntry("metadata.max.age.ms", "60000");
    assertThat(clients.metadataMaxAge(FetchPace.BACKGROUND)).isEqualTo(Duration.ofSeconds(15));
    assertThat(clients.metadataMaxAge(FetchPace.EAGER))
        .isEqualTo(Duration.ofMillis(KafkaClients.METADATA_MAX_AGE_MS));
    assertThat(overridden.metadataMaxAge(FetchPace.BACKGROUND))
        .as("a reader that finds new topics itself looks as often as the config says")
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(clients.maxPollRecords()).isEqualTo(10);
  }

  @Test
  void producersWriteUncompressedUnlessTheConfigAsksForACodec() {
    // ADR-070: Snappy (de)compresses in a JNI critical region per block, which a young
    // collection waits for, and a compressed batch is read by copying each record out of the
    // decompressed stream, per reader.
    assertThat(clients.producerProperties("p")).containsEntry("compression.type", "none");
    KafkaClients overridden = new KafkaClients(new PlatformConfig("localhost:9092",
        Map.of("producer.compression.type", "zstd"), 4, 3, (short) 1, "towerco",
        Path.of("data"), "0"));
    assertThat(overridden.producerProperties("p")).containsEntry("compression.type", "zstd");
  }
}
