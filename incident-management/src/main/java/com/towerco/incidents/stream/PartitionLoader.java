package com.towerco.incidents.stream;

import com.towerco.events.EventCodec;
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
 * Reads one lifecycle partition from its beginning to its current end, outside any consumer
 * group: how the command processor rebuilds the write model of the partitions it is given.
 * Probe records are skipped; an invalid record is logged and skipped (the incident service
 * wrote it, so it cannot be one, and the read models dead-letter nothing twice).
 */
final class PartitionLoader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionLoader.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final EventCodec codec;

  PartitionLoader(KafkaClients clients, EventCodec codec, String clientId) {
    Map<String, Object> props = clients.consumerProperties("towerco-incident-management-loader",
        clientId);
    // one partition after another: do not let a long-poll on the last one delay the next
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    this.consumer = clients.consumer(props);
    this.codec = codec;
  }

  /** Feeds every event of the partition, in order, to {@code fold}; returns how many. */
  long load(TopicPartition partition, Consumer<com.towerco.events.Envelope> fold) {
    long started = System.nanoTime();
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    long end = consumer.endOffsets(List.of(partition)).get(partition);
    long applied = 0;
    while (consumer.position(partition) < end) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        if (record.offset() >= end
            || record.headers().lastHeader(TopicProvisioner.PROBE_HEADER) != null) {
          continue;
        }
        try {
          fold.accept(codec.decode(record.value()));
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
