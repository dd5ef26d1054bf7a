package com.towerco.platform.health;

import com.towerco.events.TopicFamily;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.PlatformService;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this process's {@link ProcessHealth} to {@code towerco.platform.health} (compacted,
 * key: the instance id) every {@code cadence}, and a tombstone when the process stops cleanly, so
 * the NOC sees every process of a split platform and tells a stopped one (gone) from a crashed
 * or partitioned one (missing). A failed send is logged and the next beat tries again: health
 * reporting never stops the process.
 */
public final class HealthPublisher implements AutoCloseable {
  /** How often a process reports unless told otherwise. */
  public static final Duration CADENCE = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(HealthPublisher.class);

  private final Producer<String, byte[]> producer;
  private final String topic = TopicFamily.PLATFORM_HEALTH.topic();
  private final String instanceId;
  private final String host = hostName();
  private final long pid = ProcessHandle.current().pid();
  private final PlatformMetrics metrics;
  private final List<PlatformService> services;
  private final Clock clock;
  private final Duration cadence;
  private final Instant started;
  private final ScheduledExecutorService scheduler;
  private volatile boolean stopped;

  public HealthPublisher(Producer<String, byte[]> producer, String instanceId,
      PlatformMetrics metrics, List<PlatformService> services, Clock clock, Duration cadence) {
    this.producer = producer;
    this.instanceId = instanceId;
    this.metrics = metrics;
    this.services = List.copyOf(services);
    this.clock = clock;
    this.cadence = cadence;
    this.started = clock.instant();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "health-publisher");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Reports now and then every cadence. */
  public HealthPublisher start() {
    scheduler.scheduleAtFixedRate(this::beat, 0, cadence.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** This process's report as of now. */
  public ProcessHealth report() {
    boolean live = services.stream().allMatch(PlatformService::isLive);
    boolean ready = services.stream().allMatch(PlatformService::isReady);
    List<ProcessHealth.ServiceHealth> rows = new ArrayList<>();
    for (PlatformService service : services) {
      long in = 0;
      long out = 0;
      long dlq = 0;
      long lag = 0;
      for (ServiceMetrics m : metrics.services()) {
        if (m.service().equals(service.name()) || m.service().startsWith(service.name() + "-")) {
          in += m.totalIn();
          out += m.totalOut();
          dlq += m.totalDeadLettered();
          lag += Math.max(0, m.lag());
        }
      }
      rows.add(new ProcessHealth.ServiceHealth(service.name(), service.isReady(), in, out, dlq,
          lag));
    }
    rows.sort(Comparator.comparing(ProcessHealth.ServiceHealth::service));
    return new ProcessHealth(instanceId, host, pid,
        !live ? "not_live" : ready ? "ready" : "not_ready", rows, started, clock.instant(),
        cadence.toMillis());
  }

  private void beat() {
    if (stopped) {
      return;
    }
    try {
      producer.send(new ProducerRecord<>(topic, instanceId, report().toJson()), (meta, e) -> {
        if (e != null) {
          LOG.debug("health report not written: {}", e.toString());
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("cannot report this process's health: {}", e.toString());
    }
  }

  /**
   * Stops reporting without a tombstone, as a crash would: the NOC marks the process missing
   * after {@link ProcessHealth#MISSING_AFTER} cadences.
   */
  public void abandon() {
    stopped = true;
    scheduler.shutdownNow();
    producer.close(Duration.ofSeconds(5));
  }

  /** Stops reporting and removes this process from the health topic (tombstone). */
  @Override
  public void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
      producer.send(new ProducerRecord<>(topic, instanceId, null)).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("cannot remove this process from the health topic: {}", e.toString());
    } finally {
      producer.close(Duration.ofSeconds(5));
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
