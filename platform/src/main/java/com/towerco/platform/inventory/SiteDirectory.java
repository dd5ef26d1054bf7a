package com.towerco.platform.inventory;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteDecommissioned;
import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet inventory as every service sees it: the compacted {@code towerco.inventory} topic
 * read from the beginning into memory and kept up to date (like a Kafka Streams global table).
 * Sites, their region and hub, and their tenancies with SLA terms all come from events; nothing
 * is configured twice. A {@code site.decommissioned} removes the site.
 */
public final class SiteDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SiteDirectory.class);

  private final Map<String, Site> sites = new ConcurrentHashMap<>();
  private final List<Consumer<Site>> listeners = new CopyOnWriteArrayList<>();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final KafkaConsumer<String, byte[]> consumer;
  private final EventCodec codec;
  private final Thread thread;
  private volatile boolean running = true;

  /** A site as registered in the inventory. */
  public record Site(String siteId, SiteRegistered registration) {
    public String region() {
      return registration.region();
    }

    public Optional<String> hubSiteId() {
      return Optional.ofNullable(registration.hubSiteId());
    }

    public List<SiteRegistered.Tenancy> tenancies() {
      return registration.tenancies();
    }

    public Optional<SiteRegistered.Tenancy> tenancy(String tenantId) {
      return tenancies().stream().filter(t -> t.tenantId().equals(tenantId)).findFirst();
    }
  }

  public SiteDirectory(KafkaClients clients, TopicProvisioner topics, EventCodec codec) {
    this.codec = codec;
    String topic = topics.ensure(TopicFamily.INVENTORY);
    this.consumer = clients.reader("towerco-inventory-view-"
        + clients.config().instanceId());
    List<TopicPartition> partitions = new ArrayList<>();
    consumer.partitionsFor(topic).forEach(p -> partitions.add(
        new TopicPartition(topic, p.partition())));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    this.thread = new Thread(() -> run(end), "inventory-view");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Blocks until everything in the inventory at start-up has been read. */
  public boolean awaitLoaded(Duration timeout) {
    try {
      return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public Optional<Site> site(String siteId) {
    return Optional.ofNullable(sites.get(siteId));
  }

  public Collection<Site> all() {
    return List.copyOf(sites.values());
  }

  /** Sites whose transmission goes through {@code hubSiteId}. */
  public List<Site> behindHub(String hubSiteId) {
    return sites.values().stream()
        .filter(s -> hubSiteId.equals(s.registration().hubSiteId())).toList();
  }

  /** Called for every site registered or changed from now on (and not for earlier ones). */
  public void onChange(Consumer<Site> listener) {
    listeners.add(listener);
  }

  private void run(Map<TopicPartition, Long> endAtStart) {
    Map<TopicPartition, Long> remaining = new HashMap<>(endAtStart);
    remaining.values().removeIf(end -> end == 0);
    if (remaining.isEmpty()) {
      caughtUp.countDown();
    }
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          apply(record);
          TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          Long end = remaining.get(tp);
          if (end != null && record.offset() + 1 >= end) {
            remaining.remove(tp);
            if (remaining.isEmpty()) {
              LOG.info("inventory loaded: {} sites", sites.size());
              caughtUp.countDown();
            }
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("inventory view stopped", e);
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.headers().lastHeader(TopicProvisioner.PROBE_HEADER) != null
        || record.value() == null) {
      return;
    }
    try {
      Envelope event = codec.decode(record.value());
      if (event.payload() instanceof SiteRegistered registered) {
        Site site = new Site(event.siteId(), registered);
        sites.put(site.siteId(), site);
        listeners.forEach(l -> l.accept(site));
      } else if (event.payload() instanceof SiteDecommissioned) {
        sites.remove(event.siteId());
      }
    } catch (InvalidEventException e) {
      LOG.warn("ignoring invalid inventory record {}@{}: {} {}", record.partition(),
          record.offset(), e.reason(), e.detail());
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
