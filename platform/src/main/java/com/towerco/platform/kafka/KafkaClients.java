package com.towerco.platform.kafka;

import com.towerco.platform.PlatformConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one place Kafka client settings are decided. Producers are idempotent with
 * {@code acks=all}; consumers refresh metadata every few seconds so a pattern subscription
 * picks up a new site's topic quickly instead of after the five-minute default. Settings from
 * {@code --kafka-config} apply to every client; {@code producer.}, {@code consumer.},
 * {@code admin.} (and, in {@code StreamsService}, {@code streams.}) prefixed ones to one kind.
 */
public final class KafkaClients {
  /** How fast a pattern subscriber notices a new topic. */
  public static final int METADATA_MAX_AGE_MS = 3_000;

  private final PlatformConfig config;

  public KafkaClients(PlatformConfig config) {
    this.config = config;
  }

  public PlatformConfig config() {
    return config;
  }

  /** Connection and security settings shared by every client. */
  public Map<String, Object> common() {
    Map<String, Object> props = new HashMap<>();
    config.clientProperties().forEach((k, v) -> {
      if (!k.matches("(producer|consumer|streams|admin)\\..*")) {
        props.put(k, v);
      }
    });
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    return props;
  }

  public Map<String, Object> producerProperties(String clientId) {
    Map<String, Object> props = common();
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    props.putIfAbsent(ProducerConfig.METADATA_MAX_AGE_CONFIG, METADATA_MAX_AGE_MS);
    props.putAll(overrides("producer."));
    return props;
  }

  public Map<String, Object> consumerProperties(String groupId, String clientId) {
    Map<String, Object> props = common();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, METADATA_MAX_AGE_MS);
    props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    props.putAll(overrides("consumer."));
    return props;
  }

  public KafkaProducer<String, byte[]> producer(String clientId) {
    return new KafkaProducer<>(producerProperties(clientId), new StringSerializer(),
        new ByteArraySerializer());
  }

  public KafkaConsumer<String, byte[]> consumer(String groupId, String clientId) {
    return new KafkaConsumer<>(consumerProperties(groupId, clientId), new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  /**
   * A consumer outside any group, for readers that assign partitions and keep no offsets (the
   * inventory and settings views): it needs no group, so no group ACL either.
   */
  public KafkaConsumer<String, byte[]> reader(String clientId) {
    Map<String, Object> props = consumerProperties("", clientId);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  public Map<String, Object> adminProperties() {
    Map<String, Object> props = common();
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "towerco-admin-" + config.instanceId());
    props.putAll(overrides("admin."));
    return props;
  }

  public Admin admin() {
    return Admin.create(adminProperties());
  }

  /** {@code producer.linger.ms=20} in the client config overrides a producer default. */
  private Map<String, Object> overrides(String prefix) {
    Map<String, Object> props = new HashMap<>();
    config.clientProperties().forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        props.put(k.substring(prefix.length()), v);
      }
    });
    return props;
  }
}
