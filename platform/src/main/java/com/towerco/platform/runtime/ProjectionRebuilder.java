package com.towerco.platform.runtime;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Drops a projection and rebuilds it from the beginning of its topics up to their current end,
 * reporting progress (records read of the total) as it goes. Invalid records are skipped; the
 * services that consumed them live already dead-lettered them.
 */
public final class ProjectionRebuilder {
  private final KafkaClients clients;
  private final EventCodec codec;

  public ProjectionRebuilder(KafkaClients clients, EventCodec codec) {
    this.clients = clients;
    this.codec = codec;
  }

  /** Rebuilds and returns the number of events applied; {@code progress} gets records read. */
  public long rebuild(Projection projection, LongConsumer total, LongConsumer progress)
      throws Exception {
    projection.reset();
    try (KafkaConsumer<String, byte[]> consumer = clients.consumer(
        "towerco-replay-" + projection.name(), "towerco-replay-" + projection.name())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics().entrySet()) {
        if (projection.topics().matcher(topic.getKey()).matches()) {
          topic.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(),
              p.partition())));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
      total.accept(end.entrySet().stream()
          .mapToLong(e -> e.getValue() - begin.getOrDefault(e.getKey(), 0L)).sum());
      end.values().removeIf(offset -> offset == 0);
      end.keySet().removeIf(tp -> begin.get(tp).equals(end.get(tp)));
      long read = 0;
      long applied = 0;
      while (!end.isEmpty()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          read++;
          TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          Long last = end.get(tp);
          if (last == null || record.offset() >= last) {
            continue;
          }
          if (record.offset() + 1 >= last) {
            end.remove(tp);
          }
          if (TopicProvisioner.isProbe(record.headers())) {
            continue;
          }
          try {
            Envelope event = codec.decode(record.value());
            projection.apply(event, new SourceRecord(record.topic(), record.partition(),
                record.offset(), record.key(), record.value(), record.timestamp()));
            applied++;
          } catch (InvalidEventException e) {
            // dead-lettered by the live services already
          }
        }
        progress.accept(read);
      }
      projection.flush();
      return applied;
    }
  }
}
