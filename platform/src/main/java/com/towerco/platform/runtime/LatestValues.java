package com.towerco.platform.runtime;

import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest value per key of one compacted topic whose records are not events (the processes'
 * heartbeats on {@code towerco.platform.health}), read from the beginning outside any group and
 * kept up to date; a tombstone removes its key. The raw bytes are kept: the owner parses them
 * (and skips what it cannot), so a bad record never stops the reader. Probe records are skipped.
 */
public final class LatestValues implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LatestValues.class);
  private static final Duration DISCOVER_EVERY = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final String name;
  private final Map<String, byte[]> values = new ConcurrentHashMap<>();
  private final Thread thread;
  private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
  private volatile boolean running = true;
  private long lastDiscovery;
  private int partitions;

  public LatestValues(KafkaClients clients, String topic, String name) {
    this.consumer = clients.reader("towerco-" + name + "-" + clients.config().instanceId());
    this.topic = topic;
    this.name = name;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  public LatestValues start() {
    thread.start();
    return this;
  }

  /** Key to its latest value. */
  public Map<String, byte[]> values() {
    return Map.copyOf(values);
  }

  public boolean isLive() {
    return !running || thread.isAlive();
  }

  private void run() {
    try {
      while (running) {
        try {
          if (System.currentTimeMillis() - lastDiscovery >= DISCOVER_EVERY.toMillis()) {
            discover();
          }
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            apply(record);
          }
          backoff.reset();
        } catch (WakeupException e) {
          // closing
        } catch (RuntimeException e) {
          Duration pause = backoff.next();
          LOG.warn("{}: {}; trying again in {} ms", name, e.toString(), pause.toMillis());
          Thread.sleep(pause.toMillis());
        }
      }
    } catch (InterruptedException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void discover() {
    lastDiscovery = System.currentTimeMillis();
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    if (infos == null || infos.size() == partitions) {
      return;
    }
    List<TopicPartition> all = new ArrayList<>();
    infos.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
    List<TopicPartition> fresh = new ArrayList<>(all);
    fresh.removeAll(consumer.assignment());
    consumer.assign(all);
    consumer.seekToBeginning(fresh);
    partitions = infos.size();
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (TopicProvisioner.isProbe(record.headers()) || record.key() == null) {
      return;
    }
    if (record.value() == null) {
      values.remove(record.key());
    } else {
      values.put(record.key(), record.value());
    }
  }

  @Override
  public void close() {
    running = false;
    if (!thread.isAlive() && thread.getState() == Thread.State.NEW) {
      consumer.close(Duration.ofSeconds(5));
      return;
    }
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
