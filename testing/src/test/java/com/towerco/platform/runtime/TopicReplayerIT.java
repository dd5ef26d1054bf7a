package com.towerco.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.TopicFamily;
import com.towerco.testing.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TopicReplayerIT {
  /** After the readiness probes (stamped now), and within the broker's 1 h future limit. */
  private static final Instant T0 = Instant.now().plus(Duration.ofMinutes(1))
      .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();
  private static ServiceContext context;
  private static String topic;

  /**
   * 20 records per partition after its readiness probe (offset 0), record i at offset i + 1
   * stamped T0 + i seconds.
   */
  @BeforeAll
  static void records() {
    context = kafka.context();
    topic = context.topics().ensure(TopicFamily.INCIDENT_LIFECYCLE, "replaytest");
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("replay-test")) {
      for (int partition = 0; partition < 2; partition++) {
        for (int i = 0; i < 20; i++) {
          producer.send(new ProducerRecord<>(topic, partition,
              T0.plusSeconds(i).toEpochMilli(), "k",
              ("p" + partition + "-" + i).getBytes(StandardCharsets.UTF_8)));
        }
      }
      producer.flush();
    }
  }

  @Test
  void replaysATimeRangeOfEveryPartitionToAFreshGroupAndCommitsItsEnd() throws Exception {
    TopicReplayer replayer = new TopicReplayer(context.clients());
    TopicReplayer.Plan plan = replayer.plan(TopicReplayer.topics(topic),
        TopicReplayer.Position.parse(T0.plusSeconds(5).toString()),
        Optional.of(TopicReplayer.Position.parse(T0.plusSeconds(8).toString())), "replay-a");
    assertThat(plan.records()).isEqualTo(6);

    List<String> values = new ArrayList<>();
    TopicReplayer.Result result = replayer.replay(plan,
        r -> values.add(new String(r.value(), StandardCharsets.UTF_8)), read -> { });

    assertThat(result.delivered()).isEqualTo(6);
    assertThat(values).containsExactlyInAnyOrder("p0-5", "p0-6", "p0-7", "p1-5", "p1-6",
        "p1-7");
    assertThat(committed("replay-a").values()).containsOnly(9L);
  }

  @Test
  void anOffsetRangeSkipsTheReadinessProbe() throws Exception {
    TopicReplayer replayer = new TopicReplayer(context.clients());
    TopicReplayer.Plan plan = replayer.plan(TopicReplayer.topics("towerco\\.incidents\\."
        + "replaytest\\..*"), TopicReplayer.Position.parse("earliest"),
        Optional.of(TopicReplayer.Position.parse("3")), "replay-b");
    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    TopicReplayer.Result result = replayer.replay(plan, seen::add, read -> { });
    assertThat(result.read()).as("offsets 0..2 of both partitions").isEqualTo(6);
    assertThat(result.delivered()).as("offset 0 is the probe").isEqualTo(4);
  }

  @Test
  void aGroupThatAlreadyHasOffsetsIsRefusedAndASeededGroupStartsAtTheRange() {
    TopicReplayer replayer = new TopicReplayer(context.clients());
    TopicReplayer.Plan plan = replayer.plan(TopicReplayer.topics(topic),
        TopicReplayer.Position.parse("15"), Optional.empty(), "replay-c");
    replayer.seed(plan);
    assertThat(committed("replay-c").values()).containsOnly(15L);
    assertThatThrownBy(() -> replayer.seed(plan)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("replay to a fresh group");

    try (KafkaConsumer<String, byte[]> consumer = context.clients().consumer("replay-c", "c")) {
      consumer.subscribe(Pattern.compile(Pattern.quote(topic)));
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < 12 && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200))
            .forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
      }
      List<String> expected = new ArrayList<>();
      for (int i = 14; i < 20; i++) {
        expected.add("p0-" + i);
        expected.add("p1-" + i);
      }
      assertThat(values).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static Map<TopicPartition, Long> committed(String group) {
    try (var admin = context.clients().admin()) {
      Map<TopicPartition, Long> offsets = new java.util.HashMap<>();
      admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
          .forEach((tp, o) -> offsets.put(tp, o.offset()));
      return offsets;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
