package com.towerco.simulator;

import com.towerco.events.Envelope;
import java.util.List;

/**
 * Where the simulator's events go: Kafka in a real run ({@code KafkaEventSink}), a list or a
 * counter in tests and benchmarks. Events arrive in event-time order, on one thread.
 */
@FunctionalInterface
public interface EventSink {
  /** Called once before the first event with every site id, e.g. to create their topics. */
  default void open(List<String> siteIds) {}

  void accept(Envelope event);

  /** Called at the end of a run: everything accepted must be delivered when this returns. */
  default void flush() {}
}
