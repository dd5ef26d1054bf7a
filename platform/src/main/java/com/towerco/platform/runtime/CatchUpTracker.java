package com.towerco.platform.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * The bookkeeping behind {@link CaughtUp} for one consumer, with time as an input. Each answer
 * of the broker is an end offset for a request sent at {@code asOf}: every record written
 * before then is below it. If the consumer's position has reached it, the partition was caught
 * up at {@code asOf}; consecutive such answers make a run, and a run at least {@code hold} long
 * whose latest answer is at most {@code stale} old makes the partition caught up. An answer
 * with records left to read, a failed request or a rewind ends the run.
 */
final class CatchUpTracker implements CaughtUp {
  private record Run(long since, long latest) {}

  private final long holdMillis;
  private final long staleMillis;
  private final LongSupplier clock;
  private final Set<TopicPartition> assigned = new HashSet<>();
  private final Map<String, Integer> partitionsOfTopic = new HashMap<>();
  private final Map<TopicPartition, Run> runs = new HashMap<>();
  private final Map<TopicPartition, Long> lags = new HashMap<>();

  CatchUpTracker(Duration hold, Duration stale, LongSupplier clock) {
    this.holdMillis = hold.toMillis();
    this.staleMillis = stale.toMillis();
    this.clock = clock;
  }

  /** Partitions now read by this consumer; {@code partitionsOfTopic} how many each topic has. */
  void assigned(Collection<TopicPartition> partitions, Map<String, Integer> partitionsOfTopic) {
    assigned.addAll(partitions);
    this.partitionsOfTopic.putAll(partitionsOfTopic);
  }

  void revoked(Collection<TopicPartition> partitions) {
    partitions.forEach(tp -> {
      assigned.remove(tp);
      runs.remove(tp);
      lags.remove(tp);
    });
  }

  /** The consumer went back to its committed offsets: nothing is caught up any more. */
  void rewound() {
    runs.clear();
  }

  /** The broker's end offset for a request sent at {@code asOf}, and the position now. */
  void answered(TopicPartition tp, long position, long endOffset, long asOf) {
    if (!assigned.contains(tp)) {
      return;
    }
    lags.put(tp, Math.max(0, endOffset - position));
    if (position < endOffset) {
      runs.remove(tp);
      return;
    }
    Run run = runs.get(tp);
    runs.put(tp, run == null ? new Run(asOf, asOf) : new Run(run.since(),
        Math.max(run.latest(), asOf)));
  }

  /** No answer for the partition (its leader away, the request timed out, no position). */
  void unknown(TopicPartition tp) {
    runs.remove(tp);
  }

  @Override
  public boolean caughtUp(TopicPartition partition) {
    Run run = runs.get(partition);
    return run != null && run.latest() - run.since() >= holdMillis
        && clock.getAsLong() - run.latest() <= staleMillis;
  }

  @Override
  public boolean caughtUp(String topic) {
    Integer partitions = partitionsOfTopic.get(topic);
    if (partitions == null || partitions == 0) {
      return false;
    }
    for (int p = 0; p < partitions; p++) {
      TopicPartition tp = new TopicPartition(topic, p);
      if (!assigned.contains(tp) || !caughtUp(tp)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int partitions(String topic) {
    return partitionsOfTopic.getOrDefault(topic, 0);
  }

  /** Records behind the end offsets last reported, over the assigned partitions. */
  long lag() {
    return lags.values().stream().mapToLong(Long::longValue).sum();
  }

  Set<TopicPartition> assigned() {
    return Set.copyOf(assigned);
  }
}
