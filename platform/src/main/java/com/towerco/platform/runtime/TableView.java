package com.towerco.platform.runtime;

import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The read-only table runtime: a compacted topic (the inventory, the notification settings)
 * read from its beginning into the owner's in-memory table and kept up to date, in every
 * instance, like a Kafka Streams global table. The owner supplies how an event changes its
 * table ({@link ViewFeed.Sink}); this class reads, skips probes, tombstones and invalid records
 * ({@link ViewFeed}), says when what was there at start is loaded, and lets a writer wait until
 * its own write has been read back.
 */
public final class TableView implements AutoCloseable {
  private final String topic;
  private final ViewFeed feed;

  public TableView(KafkaClients clients, TopicProvisioner topics, SharedDecoder decoder,
      TopicFamily family, String name, ViewFeed.Sink table) {
    this.topic = topics.ensure(family);
    this.feed = new ViewFeed(clients, decoder, null, List.of(ViewFeed.Source.topic(topic)),
        table, Clock.systemUTC(), name);
  }

  public TableView start() {
    feed.start();
    return this;
  }

  /** True once everything on the topic when the view started has been read. */
  public boolean loaded() {
    return feed.caughtUp();
  }

  public boolean awaitLoaded(Duration timeout) {
    return feed.awaitCaughtUp(timeout);
  }

  /** Blocks until the record at {@code offset} of {@code partition} has been applied. */
  public boolean awaitRead(int partition, long offset, Duration timeout) {
    return feed.awaitRead(topic, partition, offset, timeout);
  }

  public boolean isLive() {
    return feed.isLive();
  }

  @Override
  public void close() {
    feed.close();
  }
}
