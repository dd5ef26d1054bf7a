package com.towerco.benchmarks.system;

import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.runtime.ServiceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The physical limit of the design on this machine: the records produced once and read by as
 * many consumer groups as the platform runs, with no processing at all, using the same client
 * settings as the services.
 */
final class RawFanout {
  private RawFanout() {}

  /** Records per second from the first send until every group has read every record. */
  static double run(ServiceContext context, RecordFactory factory, List<String> sites,
      String prefix, long count, int groups) throws InterruptedException {
    Pattern topics = TopicFamily.SITE_EVENTS.pattern();
    context.topics().ensureAll(TopicFamily.SITE_EVENTS, TopicFamily.SITE_EVENTS.topics());
    KafkaClients clients = context.clients();
    CountDownLatch subscribed = new CountDownLatch(groups);
    CountDownLatch done = new CountDownLatch(groups);
    List<Thread> readers = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      String group = "bench-raw-" + prefix + "-" + g;
      Thread reader = new Thread(() -> {
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer(group, group)) {
          consumer.subscribe(topics);
          while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
          }
          // The site group topics hold earlier rounds' records too (ADR-029): read only what
          // this round sends.
          consumer.seekToEnd(consumer.assignment());
          consumer.assignment().forEach(consumer::position);
          long read = 0;
          subscribed.countDown();
          while (read < count) {
            read += count(consumer.poll(Duration.ofMillis(100)));
          }
        } finally {
          ThreadCpu.retire();
          done.countDown();
        }
      }, group);
      readers.add(reader);
      reader.start();
    }
    subscribed.await();
    long start = System.nanoTime();
    Feed.produce(context, factory, sites, count, Instant.parse("2026-01-01T00:00:00Z"));
    System.err.printf("bench: produced %d records in %.1f s%n", count,
        (System.nanoTime() - start) / 1e9);
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("raw consumers did not finish");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    for (Thread reader : readers) {
      reader.join();
    }
    return count / seconds;
  }

  private static long count(Iterable<ConsumerRecord<String, byte[]>> records) {
    long n = 0;
    for (ConsumerRecord<String, byte[]> r : records) {
      if (!TopicProvisioner.isProbe(r.headers())) {
        n++;
      }
    }
    return n;
  }
}
