package com.towerco.platform.runtime;

import org.apache.kafka.common.TopicPartition;

/**
 * Whether a consumer has read everything written to its partitions: what a handler asks before
 * it takes an event-time decision on the absence of data (a window closed because its partition
 * went quiet, a site judged silent). A partition is caught up when the broker, asked for its end
 * offset (the last stable offset: consumers read committed data only), answered with an offset
 * the consumer's position had reached, at two answers at least the runtime's hold time apart,
 * the latest of them recent. Nothing known (no answer yet, the partition's leader away, records
 * still to read, a rewind) is not caught up: absence of data then proves nothing.
 *
 * <p>The hold time covers a producer that has records for the partition but has not written
 * them yet (it waits out a leader election); see ADR-017.
 */
public interface CaughtUp {
  /** Every record written to {@code partition} has been handed to the handler. */
  boolean caughtUp(TopicPartition partition);

  /**
   * Every partition of {@code topic} is assigned to this consumer and caught up: nothing of the
   * topic is elsewhere or still to read. False for a topic this consumer does not read.
   */
  boolean caughtUp(String topic);

  /**
   * How many partitions {@code topic} has, as this consumer's metadata says; 0 for a topic it
   * does not read. With the record key's partitioner this finds the partition of one key (a
   * site in its group topic, ADR-029).
   */
  int partitions(String topic);

  /** For offline runs (replays, tests): every partition counts as caught up. */
  CaughtUp ALWAYS = new CaughtUp() {
    @Override
    public boolean caughtUp(TopicPartition partition) {
      return true;
    }

    @Override
    public boolean caughtUp(String topic) {
      return true;
    }

    @Override
    public int partitions(String topic) {
      return 1;
    }
  };
}
