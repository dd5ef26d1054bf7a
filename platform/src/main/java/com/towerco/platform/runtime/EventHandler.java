package com.towerco.platform.runtime;

import com.towerco.events.Envelope;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What a consumer-loop service does with events. The runtime decodes and checks every record,
 * dead-letters the bad ones, and calls {@link #handle} for each valid event in partition order.
 *
 * <p>Offsets: by default everything handled is committed once the handler's outputs are
 * acknowledged. A handler that keeps state it can rebuild from the input (open windows, say)
 * returns a lower {@link #committable} offset, so a restart replays exactly what that state
 * needs; a handler that stores offsets with its own data returns them from
 * {@link #storedOffsets} and the runtime seeks there.
 */
public interface EventHandler {
  /**
   * Whether this handler wants events of {@code eventType}: a record whose routing headers
   * ({@link com.towerco.platform.kafka.EventHeaders}) name a type it does not want is skipped
   * without being decoded. Records without headers are decoded and handed over whatever their
   * type, so {@link #handle} must still ignore what it does not use.
   */
  default boolean handles(String eventType) {
    return true;
  }

  /**
   * Handles a record from its routing headers alone, without decoding its value (the watchdog
   * needs only site and time; analytics stores telemetry as the bytes received): returns false
   * when this event needs its payload, and it is then decoded and given to {@link #handle}.
   * Called only for records that carry routing headers, which only the platform's producers
   * write, after checking the envelope; throwing dead-letters the record as PROCESSING_FAILED.
   */
  default boolean handleUndecoded(com.towerco.platform.kafka.EventHeaders.Attributes routing,
      SourceRecord source) throws Exception {
    return false;
  }

  /**
   * Processes one valid event. Throwing {@link com.towerco.events.InvalidEventException}
   * dead-letters the record with its reason (an event this service must refuse, such as one
   * stamped too far ahead of its clock); throwing anything else dead-letters it as
   * PROCESSING_FAILED, after retries if the failure is transient.
   */
  void handle(Envelope event, SourceRecord source) throws Exception;

  /** After each polled batch: a place to emit what the batch completed (closed windows). */
  default void afterBatch() throws Exception {}

  /**
   * After each polled batch, with what the runtime knows about which partitions are read to
   * their end: a handler that decides anything on the absence of data (a quiet partition's
   * windows, a silent site) decides it only for partitions that are {@link CaughtUp caught up}.
   * By default {@link #afterBatch()}.
   */
  default void afterBatch(CaughtUp caughtUp) throws Exception {
    afterBatch();
  }

  /**
   * After each polled batch, also told whether the poll left records behind it
   * ({@link com.towerco.platform.kafka.FetchPace#behind}: it filled {@code max.poll.records}, or
   * a partition it returned has more, as the client knows without asking the broker): a handler
   * that puts work off while a backlog is drained (the dashboard's held readings, ADR-067) does
   * it once a poll has read all there was. By default {@link #afterBatch(CaughtUp)}.
   */
  default void afterBatch(CaughtUp caughtUp, boolean behind) throws Exception {
    afterBatch(caughtUp);
  }

  /** Before offsets are committed: make everything handled so far durable. */
  default void beforeCommit() throws Exception {}

  /**
   * What to commit for a partition whose next unread record is {@code position}: an offset
   * before which no record is needed again, and a short text the handler gets back on
   * reassignment (its stream time, say).
   */
  default CommitPoint committable(TopicPartition partition, long position) {
    return new CommitPoint(position, "");
  }

  /** An offset to commit and the handler's note that travels with it. */
  record CommitPoint(long offset, String metadata) {}

  /** Offsets kept by the handler itself, to seek to on assignment; empty means Kafka's. */
  default Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions) {
    return Map.of();
  }

  /**
   * For a read model rebuilt on every start: read a newly assigned partition from this event
   * time on (ignoring committed offsets). Empty means use {@link #storedOffsets} or Kafka's.
   */
  default java.util.Optional<java.time.Instant> replayFrom(TopicPartition partition) {
    return java.util.Optional.empty();
  }

  /** True while the handler cannot take more (its database is down): the runtime pauses. */
  default boolean backpressured() {
    return false;
  }

  /**
   * Asked before each poll: true when the handler has lost state it cannot rebuild without
   * reading again (a store that rolled back a transaction holding events it no longer keeps,
   * ADR-061). The runtime then goes back as after a failed batch: every assigned partition is
   * {@link #onRevoked revoked}, reassigned and read again from its committed offset or
   * {@link #storedOffsets}. False by default.
   */
  default boolean rereadRequested() {
    return false;
  }

  /** New partitions, with the note committed with each one's offset (empty if none). */
  default void onAssigned(Map<TopicPartition, String> partitionsWithNotes) {}

  /** Partitions taken away: forget their state (it is rebuilt by whoever gets them). */
  default void onRevoked(Collection<TopicPartition> partitions) {}

  /** The service is stopping. */
  default void close() {}
}
