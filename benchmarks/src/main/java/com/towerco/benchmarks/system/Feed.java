package com.towerco.benchmarks.system;

import com.towerco.events.TopicFamily;
import com.towerco.platform.runtime.ServiceContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;

/** Produces benchmark records to the site topics as fast as one idempotent producer can. */
final class Feed {
  private Feed() {}

  /** Creates the sites' topics, then sends {@code count} records; returns when all are acked. */
  static void produce(ServiceContext context, RecordFactory factory, List<String> sites,
      long count, Instant start) {
    context.topics().ensureAll(TopicFamily.SITE_EVENTS, TopicFamily.SITE_EVENTS.topics());
    AtomicLong failed = new AtomicLong();
    try (KafkaProducer<String, byte[]> producer =
        context.clients().producer("bench-feed-" + System.nanoTime())) {
      for (long i = 0; i < count; i++) {
        RecordFactory.Record r = factory.next(i, start.plusMillis(i / sites.size() * 1000));
        producer.send(r.toProducerRecord(), (md, e) -> {
              if (e != null) {
                failed.incrementAndGet();
              }
            });
      }
      producer.flush();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " benchmark records were not acknowledged");
    }
  }
}
