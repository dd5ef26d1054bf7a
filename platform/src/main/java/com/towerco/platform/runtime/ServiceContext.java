package com.towerco.platform.runtime;

import com.towerco.events.EventCodec;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.inventory.SiteDirectory;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.SendConfirmations;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.metrics.KafkaClientMeters;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.metrics.ServiceMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * What a service gets from the platform: configuration, Kafka clients, topic provisioning,
 * metrics, the codec and the fleet inventory. One per process; services share it but never
 * each other.
 */
public final class ServiceContext implements AutoCloseable {
  private final ServiceContext parent;
  private final PlatformConfig config;
  private final KafkaClients clients;
  private final TopicProvisioner topics;
  private final PlatformMetrics metrics;
  private final EventCodec codec;
  private final SharedDecoder decoder;
  private final List<AutoCloseable> owned = new ArrayList<>();
  private SiteDirectory directory;

  public ServiceContext(PlatformConfig config, PlatformMetrics metrics) {
    this.parent = null;
    this.config = config;
    this.clients = new KafkaClients(config, new KafkaClientMeters(metrics.registry()));
    this.topics = new TopicProvisioner(clients);
    this.metrics = metrics;
    this.codec = new EventCodec();
    this.decoder = new SharedDecoder(codec, Integer.getInteger("towerco.decode-cache-slots",
        32_768));
    io.micrometer.core.instrument.Gauge.builder("towerco_shared_decode_hit_ratio", decoder,
        SharedDecoder::hitRatio).description("Records decoded once and reused by another "
            + "service of this process").register(metrics.registry());
    topics.ensureGlobalTopics();
  }

  private ServiceContext(ServiceContext parent, PlatformConfig config) {
    this.parent = parent;
    this.config = config;
    this.clients = new KafkaClients(config, parent.clients.meters());
    this.topics = new TopicProvisioner(clients);
    this.metrics = parent.metrics;
    this.codec = parent.codec;
    this.decoder = parent.decoder;
  }

  /**
   * This context with Kafka clients that log in with other settings: a service's own
   * principal, when several services share a process on a secured cluster. Metrics, codec,
   * decoder and the inventory view stay shared; clients and topic provisioning are its own.
   * Closed with this context.
   */
  public ServiceContext as(Map<String, String> clientProperties) {
    ServiceContext child = new ServiceContext(this, config.withClientProperties(
        clientProperties));
    own(child);
    return child;
  }

  public PlatformConfig config() {
    return config;
  }

  public KafkaClients clients() {
    return clients;
  }

  public TopicProvisioner topics() {
    return topics;
  }

  public PlatformMetrics metrics() {
    return metrics;
  }

  public EventCodec codec() {
    return codec;
  }

  /** Decodes consumed records once per process, for every service that reads them. */
  public SharedDecoder decoder() {
    return decoder;
  }

  /** The fleet inventory, loaded on first use. */
  public SiteDirectory sites() {
    return parent != null ? parent.sites() : loadSites();
  }

  private synchronized SiteDirectory loadSites() {
    if (directory == null) {
      directory = new SiteDirectory(clients, topics, decoder);
      directory.awaitLoaded(Duration.ofSeconds(30));
    }
    return directory;
  }

  /** Output ports of one service: its own producer, publisher and dead-letter sender. */
  public Outputs outputs(String service, String clientSuffix) {
    return outputs(service, clientSuffix, Map.of());
  }

  /**
   * As {@link #outputs(String, String)}, with producer settings of the service's own over the
   * platform's (the ingest gateway lingers 0 ms: its senders wait for every write's ack).
   */
  public Outputs outputs(String service, String clientSuffix,
      Map<String, Object> producerSettings) {
    Map<String, Object> props = clients.producerProperties("towerco-" + service + "-"
        + config.instanceId() + clientSuffix);
    props.putAll(producerSettings);
    KafkaProducer<String, byte[]> producer = clients.producer(props);
    ServiceMetrics serviceMetrics = metrics.forService(service);
    SendConfirmations confirmations = new SendConfirmations();
    return new Outputs(producer,
        new EventPublisher(producer, topics, codec, serviceMetrics, confirmations),
        new DeadLetters(producer, serviceMetrics, confirmations), serviceMetrics,
        confirmations);
  }

  /**
   * A service's producer and what is built on it. Every send of the publisher and the
   * dead-letter sender reports to {@code confirmations}; {@link #confirm} says whether all
   * of them were written.
   */
  public record Outputs(KafkaProducer<String, byte[]> producer, EventPublisher publisher,
      DeadLetters deadLetters, ServiceMetrics metrics, SendConfirmations confirmations)
      implements AutoCloseable {
    /** Waits for every send so far; throws if one of them was not written. */
    public void confirm() {
      producer.flush();
      confirmations.confirm();
    }

    @Override
    public void close() {
      producer.close(Duration.ofSeconds(10));
    }
  }

  /** Closed together with the context. */
  public synchronized void own(AutoCloseable resource) {
    owned.add(resource);
  }

  @Override
  public synchronized void close() {
    for (int i = owned.size() - 1; i >= 0; i--) {
      try {
        owned.get(i).close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
    if (directory != null) {
      directory.close();
    }
    topics.close();
  }
}
