package com.towerco.incidents.stream;

import com.towerco.events.Envelope;
import com.towerco.platform.runtime.SharedDecoder;
import com.towerco.events.InvalidEventException;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.SourceRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds this instance's read models: every partition of the topics they are built from, read
 * outside any consumer group so each instance sees everything (a tenant's HTTP request can land
 * on any instance). Lifecycle topics are read from the beginning first, so the incident, SLA,
 * optimization and refuel views are current before the KPI and telemetry watchers (which
 * consult them) start; telemetry is read from a recent point only. New topics are picked up
 * within seconds. {@link #caughtUp()} is true once everything present at start has been read.
 */
public final class ViewFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ViewFeed.class);
  private static final Duration DISCOVER_EVERY = Duration.ofSeconds(3);

  private final KafkaConsumer<String, byte[]> consumer;
  private final SharedDecoder decoder;
  private final ServiceMetrics metrics;
  private final List<Source> sources;
  private final Sink sink;
  private final Clock clock;
  private final Thread thread;
  private final Map<TopicPartition, Long> catchUp = new HashMap<>();
  private final Set<TopicPartition> assigned = new HashSet<>();
  private volatile boolean running = true;
  private volatile boolean caughtUp;
  private int phase = 1;
  private long lastDiscovery;

  /** Where the read models get their events. */
  @FunctionalInterface
  public interface Sink {
    void apply(Envelope event, SourceRecord source) throws Exception;
  }

  /**
   * A topic family to read: from the beginning, or from {@code replay} ago (by broker time);
   * phase 1 sources are read to their end before phase 2 sources start.
   */
  public record Source(Pattern topics, Duration replay, int phase) {
    public static Source fromBeginning(Pattern topics, int phase) {
      return new Source(topics, null, phase);
    }
  }

  public ViewFeed(KafkaClients clients, SharedDecoder decoder, ServiceMetrics metrics,
      List<Source> sources, Sink sink, Clock clock, String clientId) {
    this.consumer = clients.consumer("towerco-incident-management-view", clientId);
    this.decoder = decoder;
    this.metrics = metrics;
    this.sources = List.copyOf(sources);
    this.sink = sink;
    this.clock = clock;
    this.thread = new Thread(this::run, "incidents-view");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  public boolean caughtUp() {
    return caughtUp;
  }

  public boolean healthy() {
    return thread.isAlive();
  }

  private void run() {
    try {
      while (running) {
        if (System.currentTimeMillis() - lastDiscovery >= DISCOVER_EVERY.toMillis()) {
          discover();
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          apply(record);
        }
        if (!caughtUp) {
          checkCaughtUp();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("incident read models stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.headers().lastHeader(TopicProvisioner.PROBE_HEADER) != null) {
      return;
    }
    try {
      Envelope event = decoder.decode(record.topic(), record.partition(), record.offset(),
          record.value());
      sink.apply(event, new SourceRecord(record.topic(), record.partition(), record.offset(),
          record.key(), record.value(), record.timestamp()));
      metrics.eventIn(event.eventType(), event.timestamp(), System.currentTimeMillis());
    } catch (InvalidEventException e) {
      LOG.debug("view skips invalid record {}-{}@{}: {}", record.topic(), record.partition(),
          record.offset(), e.detail());
    } catch (Exception e) {
      LOG.error("view failed on {}-{}@{}", record.topic(), record.partition(), record.offset(),
          e);
    }
  }

  private void discover() {
    lastDiscovery = System.currentTimeMillis();
    List<TopicPartition> fresh = new ArrayList<>();
    Map<TopicPartition, Source> sourceOf = new HashMap<>();
    for (Map.Entry<String, List<PartitionInfo>> topic
        : consumer.listTopics(Duration.ofSeconds(10)).entrySet()) {
      for (Source source : sources) {
        if (source.phase() <= phase && source.topics().matcher(topic.getKey()).matches()) {
          for (PartitionInfo p : topic.getValue()) {
            TopicPartition tp = new TopicPartition(p.topic(), p.partition());
            if (!assigned.contains(tp)) {
              fresh.add(tp);
              sourceOf.put(tp, source);
            }
          }
        }
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    assigned.addAll(fresh);
    consumer.assign(new ArrayList<>(assigned));
    Map<TopicPartition, Long> ends = consumer.endOffsets(fresh);
    Map<TopicPartition, Long> byTime = new HashMap<>();
    for (TopicPartition tp : fresh) {
      Source source = sourceOf.get(tp);
      if (source.replay() == null) {
        consumer.seekToBeginning(List.of(tp));
      } else {
        byTime.put(tp, clock.instant().minus(source.replay()).toEpochMilli());
      }
      if (!caughtUp) {
        catchUp.put(tp, ends.get(tp));
      }
    }
    if (!byTime.isEmpty()) {
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(byTime);
      byTime.keySet().forEach(tp -> {
        OffsetAndTimestamp at = found.get(tp);
        consumer.seek(tp, at != null ? at.offset() : ends.get(tp));
      });
    }
  }

  private void checkCaughtUp() {
    catchUp.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
    if (catchUp.isEmpty()) {
      if (sources.stream().anyMatch(s -> s.phase() > phase)) {
        phase++;
        LOG.info("incident read models: lifecycle loaded, now reading phase {}", phase);
        discover();
      } else {
        caughtUp = true;
        LOG.info("incident read models caught up");
      }
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
