package com.towerco.testing;

import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.InvalidEventException;
import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.TopicProvisioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the beginning in a throw-away consumer group, so a test can wait for what
 * a service published. Probe records are skipped.
 */
public final class TopicReader implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
  private final EventCodec codec = new EventCodec();
  private Predicate<String> keys = key -> true;

  public TopicReader(String bootstrapServers, Pattern topics) {
    this(bootstrapServers, Map.of(), "test-reader-", topics);
  }

  /**
   * The events of these sites: every site topic (group topics, and sites' own topics from
   * before ADR-029), keeping only the records keyed by one of {@code siteIds}, since a group
   * topic carries other sites too.
   */
  public static TopicReader sites(String bootstrapServers, String... siteIds) {
    TopicReader reader = new TopicReader(bootstrapServers, TopicFamily.SITE_EVENTS.pattern());
    java.util.Set<String> wanted = java.util.Set.of(siteIds);
    reader.keys = wanted::contains;
    return reader;
  }

  /**
   * A reader that logs in with {@code clientSettings} (a principal's SASL settings) in a group
   * named {@code groupPrefix} + a random suffix.
   */
  public TopicReader(String bootstrapServers, Map<String, String> clientSettings,
      String groupPrefix, Pattern topics) {
    Map<String, Object> props = new HashMap<>(clientSettings);
    props.putAll(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1_000,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(topics);
  }

  /** Polls until the records seen so far satisfy {@code done}, or fails after {@code timeout}. */
  public List<ConsumerRecord<String, byte[]>> readUntil(
      Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(seen)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " with " + seen.size()
            + " records read");
      }
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        if (!TopicProvisioner.isProbe(r.headers()) && keys.test(r.key())) {
          seen.add(r);
        }
      }
    }
    return List.copyOf(seen);
  }

  /** Polls for {@code duration} and returns everything read (for asserting absence). */
  public List<ConsumerRecord<String, byte[]>> readFor(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        if (!TopicProvisioner.isProbe(r.headers()) && keys.test(r.key())) {
          seen.add(r);
        }
      }
    }
    return List.copyOf(seen);
  }

  /** The valid events among the records read so far. */
  public List<Envelope> events() {
    List<Envelope> events = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : seen) {
      try {
        events.add(codec.decode(r.value()));
      } catch (InvalidEventException e) {
        // not an event; tests look at raw records for those
      }
    }
    return events;
  }

  /** Decoded events of one type among records read so far. */
  public List<Envelope> events(String eventType) {
    return events().stream().filter(e -> e.eventType().equals(eventType)).toList();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
