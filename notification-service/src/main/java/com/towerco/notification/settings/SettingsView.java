package com.towerco.notification.settings;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.TopicFamily;
import com.towerco.notification.domain.Silence;
import com.towerco.notification.domain.TenantRouting;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's read model of the settings topic: every tenant's routing set through the API and
 * every silence, read from the beginning of the compacted topic and kept up to date. After
 * publishing a change the API waits until this view has read it, so a caller reads its own
 * writes.
 */
public final class SettingsView implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsView.class);

  /** A tenant's API-set routing, and the event that set it. */
  public record RoutingEntry(TenantRouting routing, Envelope event) {}

  private final Map<String, RoutingEntry> routing = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Silence>> silences = new ConcurrentHashMap<>();
  private final Map<Integer, Long> positions = new HashMap<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final EventCodec codec;
  private final Thread thread;
  private final Map<Integer, Long> endAtStart;
  private volatile boolean running = true;
  private volatile boolean loaded;
  private boolean started;

  public SettingsView(KafkaClients clients, TopicProvisioner topics, EventCodec codec) {
    this.codec = codec;
    String topic = topics.ensure(TopicFamily.NOTIFICATION_SETTINGS);
    this.consumer = clients.reader("towerco-notification-settings-view-"
        + clients.config().instanceId());
    List<TopicPartition> partitions = new ArrayList<>();
    consumer.partitionsFor(topic).forEach(p -> partitions.add(
        new TopicPartition(topic, p.partition())));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    endAtStart = new HashMap<>();
    consumer.endOffsets(partitions).forEach((tp, end) -> endAtStart.put(tp.partition(), end));
    this.thread = new Thread(this::run, "notification-settings-view");
    this.thread.setDaemon(true);
  }

  public synchronized void start() {
    started = true;
    thread.start();
  }

  /** True once everything on the topic when the view started has been read. */
  public boolean loaded() {
    return loaded;
  }

  public Optional<RoutingEntry> routing(String tenant) {
    return Optional.ofNullable(routing.get(tenant));
  }

  public List<Silence> silences(String tenant) {
    return silences.getOrDefault(tenant, Map.of()).values().stream()
        .sorted(Comparator.comparing(Silence::startsAt).thenComparing(Silence::id)).toList();
  }

  public Optional<Silence> silence(String tenant, String id) {
    return Optional.ofNullable(silences.getOrDefault(tenant, Map.of()).get(id));
  }

  /** Blocks until the record at {@code offset} of {@code partition} has been read. */
  public synchronized boolean awaitRead(int partition, long offset, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (positions.getOrDefault(partition, 0L) <= offset) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private void run() {
    try {
      while (running) {
        var records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, byte[]> record : records) {
          apply(record);
        }
        synchronized (this) {
          for (TopicPartition tp : consumer.assignment()) {
            positions.put(tp.partition(), consumer.position(tp));
          }
          if (!loaded && endAtStart.entrySet().stream()
              .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
            loaded = true;
            LOG.info("notification settings loaded: {} tenants with routing, {} with silences",
                routing.size(), silences.size());
          }
          notifyAll();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("notification settings view stopped", e);
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.headers().lastHeader(TopicProvisioner.PROBE_HEADER) != null
        || record.value() == null || record.value().length == 0) {
      return;
    }
    try {
      Envelope event = codec.decode(record.value());
      SettingsRecords.routing(event).ifPresent(r ->
          routing.put(event.tenantId(), new RoutingEntry(r, event)));
      SettingsRecords.silence(event).ifPresent(s -> silences
          .computeIfAbsent(event.tenantId(), t -> new ConcurrentHashMap<>()).put(s.id(), s));
    } catch (InvalidEventException | RuntimeException e) {
      LOG.warn("ignoring unreadable notification setting at {}-{}: {}", record.partition(),
          record.offset(), e.toString());
    }
  }

  @Override
  public void close() {
    running = false;
    synchronized (this) {
      if (!started) {
        consumer.close();
        return;
      }
    }
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
