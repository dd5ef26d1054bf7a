package com.towerco.platform.dlq;

import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/**
 * Sends dead letters back to the topic they came from, after the cause was fixed. The record
 * goes back with its key, its value (or a corrected one) and its original headers, without the
 * {@code dlq.*} ones, plus {@value #REDRIVEN_FROM} (the dead letter's id) and
 * {@value #REDRIVEN_AT}; a replacement value carries the routing headers of its envelope
 * ({@code EventHeaders}, ADR-018) when it is a valid one, none otherwise. Each dead letter is re-driven at most once: the re-drive and its
 * marker ({@link RedriveMarker}) commit in one Kafka transaction under a fixed transactional
 * id, which also fences a second re-driver running at the same time; markers are read after
 * that fencing. The event keeps its {@code event_id}, so a consumer that had processed it
 * (only another service failed on it) skips it as a duplicate.
 */
public final class Redriver implements AutoCloseable {
  public static final String REDRIVEN_FROM = "dlq.redriven-from";
  public static final String REDRIVEN_AT = "dlq.redriven-at";
  public static final String TRANSACTIONAL_ID = "towerco-dlq-redrive";

  private final KafkaProducer<String, byte[]> producer;
  private final Map<String, DeadLetterLog.Redrive> done;
  private final Clock clock;
  private com.towerco.events.EventCodec codec;

  /** What {@link #redrive} did: sent now, or found already re-driven. */
  public record Outcome(boolean sentNow, DeadLetterLog.Redrive redrive) {}

  Redriver(KafkaClients clients, DeadLetterLog log, Clock clock) {
    this.clock = clock;
    Map<String, Object> props = clients.producerProperties(TRANSACTIONAL_ID + "-"
        + clients.config().instanceId());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
    this.producer = clients.producer(props);
    producer.initTransactions();
    this.done = new java.util.HashMap<>(log.read(DeadLetterFilter.ALL).redrives());
  }

  /**
   * Re-drives one dead letter with its own value, or {@code replacement} when not null (a value
   * an operator corrected by hand).
   */
  public Outcome redrive(DeadLetter letter, byte[] replacement) {
    DeadLetterLog.Redrive earlier = done.get(letter.id());
    if (earlier != null) {
      return new Outcome(false, earlier);
    }
    if (letter.originTopic() == null || letter.originTopic().isBlank()) {
      throw new IllegalArgumentException("dead letter " + letter.id()
          + " does not say which topic it came from; it cannot be re-driven");
    }
    String destination = destination(letter.originTopic(), letter.key());
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(destination, null,
        letter.key(), replacement != null ? replacement : letter.value());
    for (Header header : letter.headers()) {
      if (!header.key().startsWith("dlq.")) {
        record.headers().add(header);
      }
    }
    if (replacement != null) {
      // The routing headers described the value that was refused, not its replacement: they
      // go, and when the replacement is a valid envelope (a corrected event, an event held for
      // onboarding) it gets its own (ADR-018), as every envelope the platform writes does.
      com.towerco.platform.kafka.EventHeaders.strip(record.headers());
      envelope(replacement).ifPresent(event -> com.towerco.platform.kafka.EventHeaders.write(
          record.headers(), com.towerco.platform.kafka.EventHeaders.Attributes.of(event)));
    }
    java.time.Instant at = clock.instant();
    record.headers().add(REDRIVEN_FROM, letter.id().getBytes(StandardCharsets.UTF_8));
    record.headers().add(REDRIVEN_AT, at.toString().getBytes(StandardCharsets.UTF_8));
    producer.beginTransaction();
    try {
      RecordMetadata sent = producer.send(record).get();
      DeadLetterLog.Redrive redrive = new DeadLetterLog.Redrive(letter.id(), sent.topic(),
          sent.partition(), sent.offset(), at, replacement != null);
      producer.send(RedriveMarker.record(TopicFamily.DEAD_LETTER.topic(), redrive)).get();
      producer.commitTransaction();
      done.put(letter.id(), redrive);
      return new Outcome(true, redrive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      producer.abortTransaction();
      throw new IllegalStateException("interrupted while re-driving " + letter.id(), e);
    } catch (ExecutionException e) {
      producer.abortTransaction();
      throw new IllegalStateException("could not re-drive " + letter.id() + " to "
          + destination + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * Where a dead letter goes back to: its origin topic, except that a site event goes to its
   * site's topic as {@link TopicFamily#topic(String)} names it now (ADR-029: a site group topic).
   * A letter written before ADR-029 names the site's own topic, which is no longer created (a
   * site held for onboarding never had one) or may have been deleted; its key is the site id.
   */
  static String destination(String originTopic, String key) {
    boolean siteEvent = TopicFamily.of(originTopic).orElse(null) == TopicFamily.SITE_EVENTS;
    return siteEvent && key != null && com.towerco.events.Ids.valid(key)
        ? TopicFamily.SITE_EVENTS.topic(key) : originTopic;
  }

  /**
   * The replacement as an envelope, if it is a valid one; otherwise (a value that is not an
   * event, or not a valid one) it goes back without routing headers and its consumers refuse it
   * again with their reason.
   */
  private java.util.Optional<com.towerco.events.Envelope> envelope(byte[] value) {
    if (codec == null) {
      codec = new com.towerco.events.EventCodec();
    }
    try {
      return java.util.Optional.of(codec.decode(value));
    } catch (com.towerco.events.InvalidEventException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
