package com.towerco.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.TopicFamily;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guards against the Kafka 4.4.0 trap where an idempotent producer loses its first batch to a
 * topic created a moment before (NOT_LEADER_OR_FOLLOWER, then OUT_OF_ORDER_SEQUENCE_NUMBER):
 * every record sent right after provisioning must arrive, counted exactly, on every partition.
 */
class TopicProvisionerIT {
  private static final int TOPICS = 30;
  private static final int RECORDS_PER_TOPIC = 300;

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void loseNothingWhenProducingIdempotentlyRightAfterCreatingTopics() {
    var context = kafka.context(kafka.config(4));
    List<String> topics = new ArrayList<>();
    for (int i = 0; i < TOPICS; i++) {
      // topics of the site family named after one site (as before ADR-029): many fresh topics
      topics.add("towerco.sites.FRESH" + i + ".events");
    }
    context.topics().ensureAll(TopicFamily.SITE_EVENTS, topics);

    try (KafkaProducer<String, byte[]> producer = context.clients().producer("fresh-topics")) {
      for (int i = 0; i < RECORDS_PER_TOPIC; i++) {
        for (String topic : topics) {
          producer.send(new ProducerRecord<>(topic, "key-" + (i % 7),
              ("r" + i).getBytes(StandardCharsets.UTF_8)));
        }
      }
      producer.flush();
    }

    try (TopicReader reader = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile("towerco\\.sites\\.FRESH\\d+\\.events"))) {
      var records = reader.readUntil(r -> r.size() >= TOPICS * RECORDS_PER_TOPIC,
          Duration.ofSeconds(90));
      Map<String, Integer> perTopic = new HashMap<>();
      records.forEach(r -> perTopic.merge(r.topic(), 1, Integer::sum));
      assertThat(perTopic).hasSize(TOPICS);
      assertThat(perTopic.values()).allMatch(count -> count == RECORDS_PER_TOPIC);
    }
  }

  @Test
  void createsTopicsWithTheConfiguredPartitionsAndACompactedInventory() throws Exception {
    var context = kafka.context(kafka.config(4));
    String site = context.topics().ensure(TopicFamily.SITE_EVENTS, "LAYOUT1");
    try (Admin admin = context.clients().admin()) {
      var description = admin.describeTopics(List.of(site, "towerco.inventory"))
          .allTopicNames().get();
      assertThat(description.get(site).partitions()).hasSize(4);
      var config = admin.describeConfigs(List.of(new org.apache.kafka.common.config
          .ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC,
          "towerco.inventory"))).all().get();
      assertThat(config.values().iterator().next().get("cleanup.policy").value())
          .isEqualTo("compact");
    }
  }
}
