package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.TopicFamily;
import com.towerco.testing.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transactional loop on an input written in transactions: after the last transaction its
 * group's committed offset is the partition's end (past the commit marker), so lag computed
 * from committed offsets drains to 0 instead of staying one record behind for good.
 */
class TransactionalLoopIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void committedOffsetPassesTheCommitMarkerAfterTheLastRecord() throws Exception {
    ServiceContext context = kafka.context();
    String input = context.topics().ensure(TopicFamily.KPI_METRICS, "txloop1");
    List<Long> handled = new CopyOnWriteArrayList<>();
    TransactionalLoop loop = kafka.closeAfterAll(new TransactionalLoop(context, "tx-marker",
        "tx-marker-group", Pattern.compile(Pattern.quote(input)), 50, Duration.ofMinutes(1),
        context.metrics().forService("tx-marker"),
        (records, tx) -> records.forEach(r -> handled.add(r.offset()))));
    loop.start();

    Map<String, Object> props = context.clients().producerProperties("tx-marker-feed");
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-marker-feed");
    TopicPartition partition = new TopicPartition(input, 0);
    try (KafkaProducer<String, byte[]> producer = context.clients().producer(props)) {
      producer.initTransactions();
      for (int t = 0; t < 3; t++) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(input, 0, "k",
            ("record " + t).getBytes(StandardCharsets.UTF_8)));
        producer.commitTransaction();
      }
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 3);
    try (Admin admin = context.clients().admin()) {
      long end = handled.get(2) + 2;
      // The marker is appended after commitTransaction() returns: read the end until it has it.
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get()
              .get(partition).offset()).as("a commit marker after the last record")
              .isEqualTo(end));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        var committed = admin.listConsumerGroupOffsets("tx-marker-group")
            .partitionsToOffsetAndMetadata().get().get(partition);
        assertThat(committed).isNotNull();
        assertThat(committed.offset()).as("past the marker: lag 0, not 1").isEqualTo(end);
      });
    }
  }
}
