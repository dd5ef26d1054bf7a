package com.towerco.platform.kafka;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.TopicFamily;
import com.towerco.platform.metrics.ServiceMetrics;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes envelopes to their topic family, creating the site's or tenant's topic on first use.
 * The record key decides ordering: events of one site, one alert fingerprint or one incident
 * share a key and so a partition. Every record carries the event's routing attributes as
 * headers ({@link EventHeaders}).
 */
public final class EventPublisher {
  private final Producer<String, byte[]> producer;
  private final TopicProvisioner topics;
  private final EventCodec codec;
  private final ServiceMetrics metrics;
  private final SendConfirmations confirmations;

  public EventPublisher(Producer<String, byte[]> producer, TopicProvisioner topics,
      EventCodec codec, ServiceMetrics metrics) {
    this(producer, topics, codec, metrics, new SendConfirmations());
  }

  /** A publisher whose sends report their outcome to {@code confirmations}. */
  public EventPublisher(Producer<String, byte[]> producer, TopicProvisioner topics,
      EventCodec codec, ServiceMetrics metrics, SendConfirmations confirmations) {
    this.producer = producer;
    this.topics = topics;
    this.codec = codec;
    this.metrics = metrics;
    this.confirmations = confirmations;
  }

  /** Sends to the topic of {@code id} (a site or tenant) in {@code family}. */
  public Future<RecordMetadata> publish(TopicFamily family, String id, String key,
      Envelope event) {
    String topic = topics.ensure(family, id);
    return send(topic, family, key, event);
  }

  /**
   * Sends to the topic of {@code id} and calls {@code done} when the broker has acknowledged it
   * (or the send failed): for callers that acknowledge their own source only after the write.
   */
  public void publish(TopicFamily family, String id, String key, Envelope event,
      Callback done) {
    String topic = topics.ensure(family, id);
    metrics.eventOut(family.name());
    confirmations.send(producer, record(topic, key, event), done);
  }

  /** Sends to a single (global) topic such as the inventory. */
  public Future<RecordMetadata> publish(TopicFamily family, String key, Envelope event) {
    String topic = topics.ensure(family);
    return send(topic, family, key, event);
  }

  private Future<RecordMetadata> send(String topic, TopicFamily family, String key,
      Envelope event) {
    metrics.eventOut(family.name());
    return confirmations.send(producer, record(topic, key, event));
  }

  /** The event's record: the encoded envelope, with its routing attributes as headers. */
  private ProducerRecord<String, byte[]> record(String topic, String key, Envelope event) {
    return new ProducerRecord<>(topic, null, key, codec.encode(event), EventHeaders.of(event));
  }

  /** Blocks until everything sent so far is acknowledged (or failed: see {@link #confirm}). */
  public void flush() {
    producer.flush();
  }

  /**
   * Flushes, then throws {@link SendConfirmations.UnconfirmedSends} if any record sent through
   * this producer since the last confirmation was not written.
   */
  public void confirm() {
    producer.flush();
    confirmations.confirm();
  }

  public Producer<String, byte[]> producer() {
    return producer;
  }
}
