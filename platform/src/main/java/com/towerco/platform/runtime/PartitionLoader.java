package com.towerco.platform.runtime;

import com.towerco.events.Envelope;
import com.towerco.events.InvalidEventException;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one partition from its beginning to its current end, outside any consumer group: how a
 * consumer-loop handler rebuilds the state of a partition it was just given from the events it
 * wrote there itself (the incident service's write model). Probe records are skipped; an
 * invalid record is logged and skipped (the service wrote it, so it cannot be one, and it is
 * never dead-lettered twice).
 */
public final class PartitionLoader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionLoader.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final SharedDecoder decoder;

  public PartitionLoader(KafkaClients clients, SharedDecoder decoder, String clientId) {
    Map<String, Object> props = clients.consumerProperties("", clientId);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    // one partition after another: do not let a long-poll on the last one delay the next
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    this.consumer = clients.consumer(props);
    this.decoder = decoder;
  }

  /** Feeds every event of the partition, in order, to {@code fold}; returns how many. */
  public long load(TopicPartition partition, Consumer<Envelope> fold) {
    long started = System.nanoTime();
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    long end = consumer.endOffsets(List.of(partition)).get(partition);
    long applied = 0;
    while (consumer.position(partition) < end) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        if (record.offset() >= end || TopicProvisioner.isProbe(record.headers())) {
          continue;
        }
        try {
          fold.accept(decoder.decode(record.topic(), record.partition(), record.offset(),
              record.value()));
          applied++;
        } catch (InvalidEventException e) {
          LOG.warn("skipping invalid record {}@{}: {}", partition, record.offset(), e.detail());
        }
      }
    }
    consumer.assign(List.of());
    LOG.info("loaded {} events of {} in {} ms", applied, partition,
        (System.nanoTime() - started) / 1_000_000);
    return applied;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
