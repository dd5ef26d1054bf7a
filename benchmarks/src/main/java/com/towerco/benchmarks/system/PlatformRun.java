package com.towerco.benchmarks.system;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.ServiceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The platform's sustained rate: the same records through every running service, from the
 * first send until every service that reads site events has processed all of them.
 */
final class PlatformRun {
  private PlatformRun() {}

  /** Registers the sites and waits until the running services can see their topics. */
  static void prepare(ServiceContext context, List<String> sites) throws InterruptedException {
    try (ServiceContext.Outputs outputs = context.outputs("bench", "-inventory")) {
      for (int i = 0; i < sites.size(); i++) {
        Envelope registered = Envelope.of(EventIds.random(), context.config().operatorTenant(),
            sites.get(i), Instant.parse("2026-01-01T00:00:00Z"), BenchFleet.registration(i),
            Map.of("producer", "bench"));
        outputs.publisher().publish(TopicFamily.INVENTORY, sites.get(i), registered);
      }
      outputs.publisher().flush();
    }
    context.topics().ensureAll(TopicFamily.SITE_EVENTS, TopicFamily.SITE_EVENTS.topics());
    long deadline = System.currentTimeMillis() + 30_000;
    while (context.sites().site(sites.get(sites.size() - 1)).isEmpty()
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    // Pattern subscriptions refresh their metadata every few seconds.
    Thread.sleep(2L * com.towerco.platform.kafka.KafkaClients.METADATA_MAX_AGE_MS);
  }

  /** Records per second through all {@code consumers}, event times from the bench's epoch. */
  static double run(ServiceContext context, List<ServiceMetrics> consumers,
      RecordFactory factory, List<String> sites, long count) throws InterruptedException {
    return run(context, consumers, factory, sites, count, Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** Records per second through all {@code consumers}, event times from {@code from}. */
  static double run(ServiceContext context, List<ServiceMetrics> consumers,
      RecordFactory factory, List<String> sites, long count, Instant from)
      throws InterruptedException {
    long[] before = consumers.stream().mapToLong(ServiceMetrics::totalIn).toArray();
    long start = System.nanoTime();
    Feed.produce(context, factory, sites, count, from);
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!allDone(consumers, before, count)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the services did not process every record in time: "
            + progress(consumers, before));
      }
      if (System.nanoTime() > nextReport) {
        System.err.println("bench: processed so far " + progress(consumers, before));
        nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      }
      Thread.sleep(5);
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static String progress(List<ServiceMetrics> consumers, long[] before) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < consumers.size(); i++) {
      text.append(consumers.get(i).service()).append('=')
          .append(consumers.get(i).totalIn() - before[i]).append(" (dlq ")
          .append(consumers.get(i).totalDeadLettered()).append(") ");
    }
    return text.toString().trim();
  }

  private static boolean allDone(List<ServiceMetrics> consumers, long[] before, long count) {
    for (int i = 0; i < consumers.size(); i++) {
      if (consumers.get(i).totalIn() - before[i] < count) {
        return false;
      }
    }
    return true;
  }
}
