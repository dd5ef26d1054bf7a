package com.towerco.platform.kafka;

import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.platform.metrics.ServiceMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records a service cannot process to {@code towerco.dlq}: the original key, value and
 * headers, plus headers that say why ({@code dlq.reason}, {@code dlq.detail}), who
 * ({@code dlq.service}) and where from ({@code dlq.topic}, {@code dlq.partition},
 * {@code dlq.offset}). The caller confirms its producer's sends ({@link SendConfirmations})
 * before committing past the record, so nothing is lost between the two.
 */
public final class DeadLetters {
  public static final String REASON = "dlq.reason";
  public static final String DETAIL = "dlq.detail";
  public static final String SERVICE = "dlq.service";
  public static final String TOPIC = "dlq.topic";
  public static final String PARTITION = "dlq.partition";
  public static final String OFFSET = "dlq.offset";
  public static final String FAILED_AT = "dlq.failed-at";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
  private static final int MAX_DETAIL = 2_000;

  private final Producer<String, byte[]> producer;
  private final ServiceMetrics metrics;
  private final String topic = TopicFamily.DEAD_LETTER.topic();

  private final SendConfirmations confirmations;

  public DeadLetters(Producer<String, byte[]> producer, ServiceMetrics metrics) {
    this(producer, metrics, new SendConfirmations());
  }

  /** Dead letters whose sends report their outcome to {@code confirmations}. */
  public DeadLetters(Producer<String, byte[]> producer, ServiceMetrics metrics,
      SendConfirmations confirmations) {
    this.producer = producer;
    this.metrics = metrics;
    this.confirmations = confirmations;
  }

  /** Dead-letters a consumed record. */
  public Future<RecordMetadata> send(ConsumerRecord<String, byte[]> record, RejectReason reason,
      String detail) {
    return send(record.topic(), record.partition(), record.offset(), record.key(),
        record.value(), record.headers(), reason, detail);
  }

  /** Dead-letters anything else (for example a notification that could not be delivered). */
  public Future<RecordMetadata> send(String originTopic, int partition, long offset, String key,
      byte[] value, Headers originalHeaders, RejectReason reason, String detail) {
    return send(originTopic, partition, offset, key, value, originalHeaders, reason, detail,
        null);
  }

  /**
   * Dead-letters input that never was a Kafka record (what a site sent to the ingest gateway),
   * calling {@code done} once the broker has it; {@code originTopic} names where it came from.
   */
  public Future<RecordMetadata> send(String originTopic, int partition, long offset, String key,
      byte[] value, Headers originalHeaders, RejectReason reason, String detail,
      Callback done) {
    ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, null, key, value);
    if (originalHeaders != null) {
      for (Header header : originalHeaders) {
        dead.headers().add(header);
      }
    }
    addReason(dead.headers(), reason, detail, metrics.service(), originTopic, partition, offset);
    metrics.deadLettered(reason.name());
    LOG.warn("{} dead-lettered {}-{}@{}: {} {}", metrics.service(), originTopic, partition,
        offset, reason, header(dead.headers(), DETAIL));
    return confirmations.send(producer, dead, done);
  }

  /** Adds the dead-letter headers; shared with Kafka Streams services that route records. */
  public static Headers addReason(Headers headers, RejectReason reason, String detail,
      String service, String originTopic, int partition, long offset) {
    String shortDetail = detail == null ? ""
        : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    return headers
        .add(REASON, utf8(reason.name()))
        .add(DETAIL, utf8(shortDetail))
        .add(SERVICE, utf8(service))
        .add(TOPIC, utf8(originTopic))
        .add(PARTITION, utf8(String.valueOf(partition)))
        .add(OFFSET, utf8(String.valueOf(offset)))
        .add(FAILED_AT, utf8(Instant.now().toString()));
  }

  /** A header value as text, or null. */
  public static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
