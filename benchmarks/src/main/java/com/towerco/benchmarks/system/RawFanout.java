package com.towerco.benchmarks.system;

import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.runtime.ServiceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The physical limit of the design on this machine: the records produced once and read by as
 * many consumer groups as the platform reads them with (one per service that reads the site
 * topics), with no processing at all, using the same client settings as the services.
 *
 * <p>The readers are made once and read every round, warm-up and measured, as the platform's
 * services keep their consumers for the whole run: a round that made and closed a consumer per
 * group (each registering and removing its metrics and their MBeans) kept the JIT compiling
 * client start-up and shutdown code in every round, CPU the measured rounds paid and the
 * platform phase does not (ADR-048).
 */
final class RawFanout implements AutoCloseable {
  private static final Round STOP = new Round(0);

  private final ServiceContext context;
  private final List<BlockingQueue<Round>> inboxes = new ArrayList<>();
  private final List<Thread> readers = new ArrayList<>();

  /** One round: how many records each reader reads, and the latches the feed waits on. */
  private record Round(long count, CountDownLatch positioned, CountDownLatch done) {
    Round(long count, int readers) {
      this(count, new CountDownLatch(readers), new CountDownLatch(readers));
    }

    Round(int readers) {
      this(0, readers);
    }
  }

  /** Starts one reader per group, each in a group of its own over every site topic. */
  RawFanout(ServiceContext context, int groups) {
    this.context = context;
    Pattern topics = TopicFamily.SITE_EVENTS.pattern();
    context.topics().ensureAll(TopicFamily.SITE_EVENTS, TopicFamily.SITE_EVENTS.topics());
    KafkaClients clients = context.clients();
    for (int g = 0; g < groups; g++) {
      String group = "bench-raw-" + g;
      BlockingQueue<Round> inbox = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer(group, group)) {
          consumer.subscribe(topics);
          while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
          }
          for (Round round = inbox.take(); round != STOP; round = inbox.take()) {
            // The site group topics hold earlier rounds' records too (ADR-029): read only what
            // this round sends.
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            round.positioned().countDown();
            long read = 0;
            while (read < round.count()) {
              read += count(consumer.poll(Duration.ofMillis(100)));
            }
            round.done().countDown();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          ThreadCpu.retire();
        }
      }, group);
      inboxes.add(inbox);
      readers.add(reader);
      reader.start();
    }
  }

  /** Records per second from the first send until every group has read every record. */
  double run(RecordFactory factory, List<String> sites, long count)
      throws InterruptedException {
    Round round = new Round(count, readers.size());
    inboxes.forEach(inbox -> inbox.add(round));
    if (!round.positioned().await(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("raw consumers did not get their partitions");
    }
    long start = System.nanoTime();
    Feed.produce(context, factory, sites, count, Instant.parse("2026-01-01T00:00:00Z"));
    System.err.printf("bench: produced %d records in %.1f s%n", count,
        (System.nanoTime() - start) / 1e9);
    if (!round.done().await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("raw consumers did not finish");
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  /** Stops the readers and waits for them to close their consumers (again: nothing). */
  @Override
  public void close() throws InterruptedException {
    inboxes.forEach(inbox -> inbox.add(STOP));
    for (Thread reader : readers) {
      reader.join(TimeUnit.MINUTES.toMillis(1));
    }
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
