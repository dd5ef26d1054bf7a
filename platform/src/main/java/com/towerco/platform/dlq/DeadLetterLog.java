package com.towerco.platform.dlq;

import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.KafkaClients;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads {@code towerco.dlq} for operators: its dead letters (filtered), one by id, a summary by
 * reason and service with a sample each, and the re-drives already made, which are marker
 * records in the same topic ({@link Redriver}). Reads from the beginning to the current end
 * outside any consumer group, so looking changes nothing.
 */
public final class DeadLetterLog {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KafkaClients clients;
  private final Clock clock;
  private final String topic = TopicFamily.DEAD_LETTER.topic();

  public DeadLetterLog(KafkaClients clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  /** The dead letters a filter matches, oldest first, and every re-drive made so far. */
  public record Contents(List<DeadLetter> letters, Map<String, Redrive> redrives) {}

  /** A re-drive: which dead letter went back to which topic, partition and offset, and when. */
  public record Redrive(String deadLetterId, String topic, int partition, long offset,
      java.time.Instant at, boolean replacedValue) {}

  public Contents read(DeadLetterFilter filter) {
    List<DeadLetter> letters = new ArrayList<>();
    Map<String, Redrive> redrives = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = reader()) {
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!reachedEnd(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end within "
              + TIMEOUT.toSeconds() + " s");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          Redrive redrive = RedriveMarker.parse(record);
          if (redrive != null) {
            redrives.put(redrive.deadLetterId(), redrive);
          } else if (record.headers().lastHeader(DeadLetters.REASON) != null) {
            DeadLetter letter = DeadLetter.of(record);
            if (filter.matches(letter)) {
              letters.add(letter);
            }
          }
        }
      }
    }
    return new Contents(letters, redrives);
  }

  /** One dead letter by its id ({@code partition:offset}). */
  public Optional<DeadLetter> find(String id) {
    TopicPartition tp;
    long offset;
    try {
      String[] parts = id.split(":");
      tp = new TopicPartition(topic, Integer.parseInt(parts[0]));
      offset = Long.parseLong(parts[1]);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("a dead letter id is PARTITION:OFFSET (as dlq list "
          + "prints it), not '" + id + "'");
    }
    try (KafkaConsumer<String, byte[]> consumer = reader()) {
      if (!partitions(consumer).contains(tp)) {
        return Optional.empty();
      }
      consumer.assign(List.of(tp));
      long end = consumer.endOffsets(List.of(tp), TIMEOUT).get(tp);
      if (offset >= end) {
        return Optional.empty();
      }
      consumer.seek(tp, offset);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline && consumer.position(tp) <= offset) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (record.offset() == offset) {
            return record.headers().lastHeader(DeadLetters.REASON) == null ? Optional.empty()
                : Optional.of(DeadLetter.of(record));
          }
        }
      }
      return Optional.empty();
    }
  }

  /** Sends dead letters back to their original topics, each at most once. */
  public Redriver redriver() {
    return new Redriver(clients, this, clock);
  }

  private KafkaConsumer<String, byte[]> reader() {
    return clients.reader("towerco-dlq-reader-" + clients.config().instanceId());
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic, TIMEOUT)) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    return partitions;
  }

  private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer,
      Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey(), TIMEOUT) < end.getValue()) {
        return false;
      }
    }
    return true;
  }
}
