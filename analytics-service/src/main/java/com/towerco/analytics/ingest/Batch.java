package com.towerco.analytics.ingest;

import com.towerco.analytics.domain.StoredRow;
import com.towerco.analytics.jdbc.EventSink;
import com.towerco.platform.runtime.SourceRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Events handled but not yet appended to the database, and the partition positions the handler
 * has passed (records it skipped, such as dead-lettered ones, count too). Built on the consumer
 * thread, then handed whole to the writer. Each event is kept once, as what the sink stores
 * (its raw event holds the bytes received), with its record's key beside it: the record a
 * dead letter needs is rebuilt from those ({@link #source}) rather than kept for every event.
 */
final class Batch {
  final List<EventSink.Event> events = new ArrayList<>();
  /** Each event's Kafka record key, in the order of {@link #events}. */
  private final List<String> keys = new ArrayList<>();
  final Map<TopicPartition, Long> positions = new HashMap<>();
  long openedNanos = -1;

  void add(EventSink.Event event, String key, long nowNanos) {
    events.add(event);
    keys.add(key);
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

  /**
   * The record event {@code i} came from, as a dead letter needs it (coordinates, key, the
   * bytes received); null for an event without rows (a duplicate: nothing to refuse).
   */
  SourceRecord source(int i) {
    EventSink.Event e = events.get(i);
    if (e.rows().isEmpty() || !(e.rows().get(0) instanceof StoredRow.RawEvent raw)) {
      return null;
    }
    return new SourceRecord(e.partition().topic(), e.partition().partition(), e.offset(),
        keys.get(i), raw.json(), -1);
  }

  /** The positions this batch reaches: its events' next offsets and the positions passed. */
  Map<TopicPartition, Long> reached() {
    Map<TopicPartition, Long> reached = new HashMap<>(positions);
    for (EventSink.Event e : events) {
      if (e.offset() != Long.MAX_VALUE) {
        reached.merge(e.partition(), e.offset() + 1, Math::max);
      }
    }
    return reached;
  }

  /** This batch followed by {@code later}: the order the events were handled in. */
  Batch followedBy(Batch later) {
    Batch joined = new Batch();
    joined.events.addAll(events);
    joined.keys.addAll(keys);
    joined.events.addAll(later.events);
    joined.keys.addAll(later.keys);
    joined.positions.putAll(positions);
    later.positions.forEach((tp, p) -> joined.positions.merge(tp, p, Math::max));
    joined.openedNanos = openedNanos >= 0 ? openedNanos : later.openedNanos;
    return joined;
  }

  /** Removes the partitions' events and positions; returns how many events it removed. */
  int removePartitions(Collection<TopicPartition> partitions) {
    int kept = 0;
    for (int i = 0; i < events.size(); i++) {
      if (!partitions.contains(events.get(i).partition())) {
        events.set(kept, events.get(i));
        keys.set(kept, keys.get(i));
        kept++;
      }
    }
    int removed = events.size() - kept;
    events.subList(kept, events.size()).clear();
    keys.subList(kept, keys.size()).clear();
    partitions.forEach(positions::remove);
    return removed;
  }
}
