package com.towerco.simulator.kafka;

import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.simulator.EventSink;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the simulator's events to Kafka: site events to their site's group topic
 * ({@code towerco.sites.{site_group}.events}, ADR-029) and inventory to {@code towerco.inventory},
 * keyed by site id so each site's events stay in order. Every site group topic is created and
 * probed before the first event (a topic created under load is where Kafka 4.4.0 can lose an
 * idempotent producer's first batch). Sends
 * are tracked: the first failed send fails the run instead of being lost quietly, and at most
 * {@link #MAX_IN_FLIGHT} unacknowledged sends are outstanding, which is the back-pressure.
 */
public final class KafkaEventSink implements EventSink {
  public static final int MAX_IN_FLIGHT = 100_000;

  private final TopicProvisioner topics;
  private final EventPublisher publisher;
  private final ArrayDeque<Future<RecordMetadata>> inFlight = new ArrayDeque<>();
  private long acknowledged;

  public KafkaEventSink(TopicProvisioner topics, EventPublisher publisher) {
    this.topics = topics;
    this.publisher = publisher;
  }

  @Override
  public void open(List<String> siteIds) {
    topics.ensure(TopicFamily.INVENTORY);
    topics.ensureAll(TopicFamily.SITE_EVENTS, TopicFamily.SITE_EVENTS.topics());
  }

  @Override
  public void accept(Envelope event) {
    TopicFamily family = event.type().topic();
    Future<RecordMetadata> ack = family == TopicFamily.INVENTORY
        ? publisher.publish(family, event.siteId(), event)
        : publisher.publish(family, event.siteId(), event.siteId(), event);
    inFlight.add(ack);
    while (!inFlight.isEmpty() && (inFlight.peek().isDone() || inFlight.size() > MAX_IN_FLIGHT)) {
      check(inFlight.poll());
    }
  }

  @Override
  public void flush() {
    publisher.flush();
    while (!inFlight.isEmpty()) {
      check(inFlight.poll());
    }
  }

  /** Sends acknowledged by the broker so far. */
  public long acknowledged() {
    return acknowledged;
  }

  private void check(Future<RecordMetadata> ack) {
    try {
      ack.get();
      acknowledged++;
    } catch (ExecutionException e) {
      throw new IllegalStateException("publishing a simulated event failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    }
  }
}
