package com.towerco.aiops.policy;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.aiops.AlertPolicyChanged;
import com.towerco.platform.kafka.KafkaClients;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the policy topic ({@code towerco.aiops.policy}) from its first change and applies every
 * {@code aiops.policy-changed} to the {@link PolicyBoard}, then follows it: every instance of the
 * engine, and a restarted one, applies the same policies. A change that is not valid (written by
 * hand past the API) is skipped with a warning.
 */
public final class PolicyView implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyView.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final EventCodec codec;
  private final PolicyBoard board;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean caughtUp;

  public PolicyView(KafkaClients clients, String topic, String clientId, EventCodec codec,
      PolicyBoard board) {
    var props = clients.consumerProperties(clientId, clientId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer = clients.consumer(props);
    this.topic = topic;
    this.codec = codec;
    this.board = board;
    this.thread = new Thread(this::run, "aiops-policy-view");
    this.thread.setDaemon(true);
  }

  /** The topic of the policy changes. */
  public static String topic() {
    return TopicFamily.AIOPS_POLICY.topic();
  }

  public void start() {
    thread.start();
  }

  /** True once every change written before the view started has been applied. */
  public boolean caughtUp() {
    return caughtUp;
  }

  public boolean isLive() {
    return !running || thread.isAlive();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
          .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var end = consumer.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          apply(record);
        }
        if (!caughtUp) {
          caughtUp = partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
        }
      }
    } catch (org.apache.kafka.common.errors.WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("the policy view stopped", e);
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    try {
      Envelope event = codec.decode(record.value());
      if (event.payload() instanceof AlertPolicyChanged change) {
        board.apply(RuleOverride.of(change));
      }
    } catch (InvalidEventException | IllegalArgumentException e) {
      LOG.warn("skipped policy change at {}-{}@{}: {}", record.topic(), record.partition(),
          record.offset(), e.getMessage());
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
