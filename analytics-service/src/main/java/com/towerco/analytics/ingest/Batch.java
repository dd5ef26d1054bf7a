package com.towerco.analytics.ingest;

import com.towerco.analytics.jdbc.EventSink;
import com.towerco.platform.runtime.SourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Events handled but not yet stored, and the partition positions the handler has passed
 * (records it skipped, such as dead-lettered ones, count too), written together in one
 * transaction. Built on the consumer thread, then handed whole to the writer.
 */
final class Batch {
  /** One handled event: what the sink stores, the record it came from, and its id and time. */
  record Pending(EventSink.Event event, SourceRecord source, String eventId,
      Instant eventTime) {}

  final List<Pending> events = new ArrayList<>();
  final Map<TopicPartition, Long> positions = new HashMap<>();
  long openedNanos = -1;

  void add(Pending pending, long nowNanos) {
    events.add(pending);
    if (openedNanos < 0) {
      openedNanos = nowNanos;
    }
  }

  void passed(TopicPartition partition, long position, long nowNanos) {
    positions.merge(partition, position, Math::max);
    if (openedNanos < 0) {
      openedNanos = nowNanos;
    }
  }

  boolean isEmpty() {
    return events.isEmpty() && positions.isEmpty();
  }

  int size() {
    return events.size();
  }

  List<EventSink.Event> sinkEvents() {
    List<EventSink.Event> list = new ArrayList<>(events.size());
    for (Pending p : events) {
      list.add(p.event());
    }
    return list;
  }

  /** This batch followed by {@code later}: the order the events were handled in. */
  Batch followedBy(Batch later) {
    Batch joined = new Batch();
    joined.events.addAll(events);
    joined.events.addAll(later.events);
    joined.positions.putAll(positions);
    later.positions.forEach((tp, p) -> joined.positions.merge(tp, p, Math::max));
    joined.openedNanos = openedNanos >= 0 ? openedNanos : later.openedNanos;
    return joined;
  }

  /** Removes the partitions' events and positions; returns the events removed. */
  List<Pending> removePartitions(Collection<TopicPartition> partitions) {
    List<Pending> removed = new ArrayList<>();
    events.removeIf(p -> partitions.contains(p.event().partition()) && removed.add(p));
    partitions.forEach(positions::remove);
    return removed;
  }
}
