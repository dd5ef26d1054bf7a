package com.towerco.platform.runtime;

import com.towerco.events.Rfc3339;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Replays a range of one or more topics to a fresh consumer group (the logic behind
 * {@code bin/towerco replay --topic T --from TIME|OFFSET [--to TIME|OFFSET] --group G}). A
 * {@link #plan} resolves, per partition, the offsets the range covers (a time is looked up in
 * the broker's index); {@link #replay} then reads exactly those records in the group, handing
 * each to a sink and committing the group's offsets as it goes, so the group's position shows
 * how far the replay got. {@link #seed} only positions the group at the range's start, so any
 * service started in that group consumes from there on. A group that already has committed
 * offsets is refused: replays never move a live service's group.
 */
public final class TopicReplayer {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KafkaClients clients;

  public TopicReplayer(KafkaClients clients) {
    this.clients = clients;
  }

  /** Where a range starts or ends in a partition: an offset, a time, or either end. */
  public sealed interface Position {
    /** An absolute offset (clamped to what the partition holds). */
    record Offset(long offset) implements Position {}

    /** The first record at or after this (broker record) time. */
    record Time(Instant at) implements Position {}

    /** The oldest record the partition still holds. */
    record Earliest() implements Position {}

    /** The end of the partition when the plan is made. */
    record Latest() implements Position {}

    /** {@code 1234}, an RFC 3339 time, {@code earliest} or {@code latest}. */
    static Position parse(String text) {
      String t = text.trim();
      if (t.equalsIgnoreCase("earliest") || t.equalsIgnoreCase("beginning")) {
        return new Earliest();
      }
      if (t.equalsIgnoreCase("latest") || t.equalsIgnoreCase("end")) {
        return new Latest();
      }
      if (t.matches("[0-9]{1,19}")) {
        return new Offset(Long.parseLong(t));
      }
      try {
        return new Time(Rfc3339.parse(t));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not an offset, an RFC 3339 time, earliest or "
            + "latest: " + text);
      }
    }
  }

  /** One partition's share of the range: offsets {@code [from, to)}. */
  public record Range(TopicPartition partition, long from, long to) {
    public long size() {
      return Math.max(0, to - from);
    }
  }

  /** The ranges to replay and the group to replay them to. */
  public record Plan(String group, List<Range> ranges) {
    public Plan {
      ranges = List.copyOf(ranges);
    }

    public long records() {
      return ranges.stream().mapToLong(Range::size).sum();
    }
  }

  /** What a replay did: records read (probe records excluded) and handed to the sink. */
  public record Result(long read, long delivered) {}

  /** Receives each replayed record. */
  @FunctionalInterface
  public interface RecordSink {
    void accept(ConsumerRecord<String, byte[]> record) throws Exception;
  }

  /** Parses a topic argument: an exact name, or a regular expression if it is not one. */
  public static Pattern topics(String topicOrPattern) {
    return topicOrPattern.matches("[A-Za-z0-9._-]+") ? Pattern.compile(Pattern.quote(
        topicOrPattern)) : Pattern.compile(topicOrPattern);
  }

  /** Resolves {@code from} (and {@code to}, default the current end) on every partition. */
  public Plan plan(Pattern topics, Position from, Optional<Position> to, String group) {
    try (KafkaConsumer<String, byte[]> consumer = clients.consumer(group,
        "towerco-replay-plan-" + group)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (Map.Entry<String, List<PartitionInfo>> topic
          : consumer.listTopics(TIMEOUT).entrySet()) {
        if (topics.matcher(topic.getKey()).matches()) {
          topic.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(),
              p.partition())));
        }
      }
      if (partitions.isEmpty()) {
        throw new IllegalArgumentException("no topic matches " + topics.pattern());
      }
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      Map<TopicPartition, Long> starts = resolve(consumer, partitions, from, begin, end);
      Map<TopicPartition, Long> ends = resolve(consumer, partitions,
          to.orElse(new Position.Latest()), begin, end);
      List<Range> ranges = new ArrayList<>();
      partitions.sort((a, b) -> a.toString().compareTo(b.toString()));
      for (TopicPartition tp : partitions) {
        ranges.add(new Range(tp, starts.get(tp), Math.max(starts.get(tp), ends.get(tp))));
      }
      return new Plan(group, ranges);
    }
  }

  private static Map<TopicPartition, Long> resolve(KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> partitions, Position position, Map<TopicPartition, Long> begin,
      Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    if (position instanceof Position.Time time) {
      Map<TopicPartition, Long> query = new HashMap<>();
      partitions.forEach(tp -> query.put(tp, time.at().toEpochMilli()));
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, TIMEOUT);
      partitions.forEach(tp -> offsets.put(tp, found.get(tp) == null ? end.get(tp)
          : found.get(tp).offset()));
    } else {
      for (TopicPartition tp : partitions) {
        long offset = position instanceof Position.Offset o ? o.offset()
            : position instanceof Position.Earliest ? begin.get(tp) : end.get(tp);
        offsets.put(tp, Math.min(end.get(tp), Math.max(begin.get(tp), offset)));
      }
    }
    return offsets;
  }

  /** Commits the start of every range for the (fresh) group, and nothing else. */
  public void seed(Plan plan) {
    requireFresh(plan.group());
    try (KafkaConsumer<String, byte[]> consumer = clients.consumer(plan.group(),
        "towerco-replay-" + plan.group())) {
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      plan.ranges().forEach(r -> offsets.put(r.partition(), new OffsetAndMetadata(r.from(),
          "replay seed")));
      consumer.commitSync(offsets, TIMEOUT);
    }
  }

  /**
   * Reads every range in the (fresh) group, in order within each partition, handing each
   * record that is not a readiness probe to {@code sink} and committing as it goes;
   * {@code progress} gets the records read so far.
   */
  public Result replay(Plan plan, RecordSink sink, LongConsumer progress) throws Exception {
    requireFresh(plan.group());
    long read = 0;
    long delivered = 0;
    try (KafkaConsumer<String, byte[]> consumer = clients.consumer(plan.group(),
        "towerco-replay-" + plan.group())) {
      Map<TopicPartition, Long> until = new HashMap<>();
      List<TopicPartition> assigned = new ArrayList<>();
      for (Range r : plan.ranges()) {
        if (r.size() > 0) {
          until.put(r.partition(), r.to());
          assigned.add(r.partition());
        }
      }
      consumer.assign(assigned);
      plan.ranges().stream().filter(r -> r.size() > 0)
          .forEach(r -> consumer.seek(r.partition(), r.from()));
      while (!until.isEmpty()) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          Long last = until.get(tp);
          if (last == null || record.offset() >= last) {
            continue;
          }
          read++;
          if (!TopicProvisioner.isProbe(record.headers())) {
            sink.accept(record);
            delivered++;
          }
          commit.put(tp, new OffsetAndMetadata(record.offset() + 1, "replay"));
          if (record.offset() + 1 >= last) {
            until.remove(tp);
            consumer.pause(List.of(tp));
          }
        }
        if (!commit.isEmpty()) {
          consumer.commitSync(commit, TIMEOUT);
        }
        progress.accept(read);
      }
    }
    return new Result(read, delivered);
  }

  /** Refuses a group that already has committed offsets: it is not fresh. */
  private void requireFresh(String group) {
    try (Admin admin = clients.admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (committed != null && !committed.isEmpty()) {
        throw new IllegalStateException("consumer group " + group + " already has committed "
            + "offsets on " + committed.size() + " partition(s); replay to a fresh group");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the offsets of group " + group, e);
    }
  }
}
