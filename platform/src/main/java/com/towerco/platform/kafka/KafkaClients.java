package com.towerco.platform.kafka;

import com.towerco.platform.PlatformConfig;
import com.towerco.platform.metrics.KafkaClientMeters;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one place Kafka client settings are decided. Producers are idempotent with
 * {@code acks=all}; consumers refresh metadata every few seconds so a pattern subscription
 * picks up a new site's topic quickly instead of after the five-minute default. Settings from
 * {@code --kafka-config} apply to every client; {@code producer.}, {@code consumer.},
 * {@code admin.} (and, in {@code StreamsService}, {@code streams.}) prefixed ones to one kind.
 * Producers and consumers built here export Kafka's client metrics while they live
 * ({@link KafkaClientMeters}).
 */
public final class KafkaClients {
  /** How fast a pattern subscriber notices a new topic. */
  public static final int METADATA_MAX_AGE_MS = 3_000;
  /**
   * A fetch costs the broker and the consumer work for every partition it covers, thousands
   * with a topic per site; answered at the first byte, a consumer of every site topic fetched
   * hundreds of times a second at 500 events/s and the broker's request handlers took the most
   * CPU of the process at 5,000 sites. A fetch waits up to {@link #FETCH_MAX_WAIT_MS} for this
   * much data instead (ADR-022). Overridable with {@code consumer.fetch.min.bytes}.
   */
  public static final int FETCH_MIN_BYTES = 64 * 1024;
  /** The longest a fetch waits for {@link #FETCH_MIN_BYTES}: added latency per hop, at most. */
  public static final int FETCH_MAX_WAIT_MS = 50;
  /**
   * The most one fetch response carries (Kafka's default: 50 MB). The consumer reads a response
   * into one heap buffer and keeps it until its last record is polled; a reader behind its
   * backlog fetched 1-36 MB at once, each buffer a humongous object for G1 (half a region or
   * more: 512 KB at the 1 MB regions of a 2 GB heap), allocated straight into the old
   * generation, triggering concurrent cycles and pinning regions across young collections
   * (ADR-042). 1 MB holds ~1,100 of the bench's uncompressed envelopes (ADR-070; about half a
   * {@code max.poll.records}: a reader behind is told so by its lag, not by a full poll), and
   * with {@link #BATCH_SIZE} over at most, stays under the half region of
   * {@link HeapLayout#REGION_BYTES}. Overridable with {@code consumer.fetch.max.bytes}.
   */
  public static final int FETCH_MAX_BYTES = 1024 * 1024;
  /**
   * Every producer's compression (plain clients and Streams'): none (ADR-070). Kafka's Snappy
   * works on {@code byte[]}s in native code inside a JNI critical region, which a young
   * collection has to wait for (G1's "GCLocker Initiated GC" in JDK 17): measured, 78 of a
   * bench run's 356 collections, from the readers, the producers and the broker's batch
   * validation, none with uncompressed records (Kafka's other codecs are JNI bindings too:
   * lz4-java's native instance, zstd-jni, the JDK's zlib; not measured). A compressed batch is also read by copying each record's body out of
   * the decompressed stream (plus the codec's chunk buffers), per reader, where an uncompressed
   * one is read in place: ~1.2-2 KB per record and reader less. At a steady rate a batch holds a
   * record or a few (the MQTT gateway lingers 0 ms), where Snappy saved ~17 % of the bytes
   * (ADR-052: 752 against 906 per record); a drained backlog's large batches are up to 7x larger
   * uncompressed, on the wire and on disk. Overridable with {@code producer.compression.type}
   * and {@code streams.producer.compression.type}.
   */
  public static final String COMPRESSION = "none";
  /** A producer's batch per partition; also the most a fetch response goes past its bound. */
  public static final int BATCH_SIZE = 256 * 1024;

  private final PlatformConfig config;
  private final KafkaClientMeters meters;

  public KafkaClients(PlatformConfig config) {
    this(config, KafkaClientMeters.none());
  }

  public KafkaClients(PlatformConfig config, KafkaClientMeters meters) {
    this.config = config;
    this.meters = meters;
  }

  /** Binds Kafka metrics of clients built elsewhere (Kafka Streams) to the same registry. */
  public KafkaClientMeters meters() {
    return meters;
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
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    props.putIfAbsent(ProducerConfig.METADATA_MAX_AGE_CONFIG, METADATA_MAX_AGE_MS);
    props.putAll(overrides("producer."));
    return props;
  }

  public Map<String, Object> consumerProperties(String groupId, String clientId) {
    return consumerProperties(groupId, clientId, FetchPace.EAGER);
  }

  /**
   * A consumer's properties at {@code pace}: its metadata refresh (how soon a new site topic is
   * seen) is the pace's; {@code consumer.metadata.max.age.ms} in the client config still wins.
   */
  public Map<String, Object> consumerProperties(String groupId, String clientId,
      FetchPace pace) {
    Map<String, Object> props = common();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) pace.metadataMaxAge().toMillis());
    props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
    props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
    props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    props.putAll(overrides("consumer."));
    return props;
  }

  /**
   * How often a consumer at {@code pace} refreshes topic metadata: the pace's, unless
   * {@code consumer.metadata.max.age.ms} in the client config says otherwise. A reader that finds
   * new topics itself (a {@code ViewFeed}) looks for them this often, like a subscribed consumer.
   */
  public Duration metadataMaxAge(FetchPace pace) {
    return Duration.ofMillis(Long.parseLong(String.valueOf(
        consumerProperties("", "", pace).get(ConsumerConfig.METADATA_MAX_AGE_CONFIG))));
  }

  /** How many records one poll hands out at most (a full poll means the reader is behind). */
  public int maxPollRecords() {
    return Integer.parseInt(String.valueOf(
        consumerProperties("", "").get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)));
  }

  public KafkaProducer<String, byte[]> producer(String clientId) {
    return producer(producerProperties(clientId));
  }

  /** A producer with properties adjusted by the caller (e.g. a transactional id). */
  public KafkaProducer<String, byte[]> producer(Map<String, Object> properties) {
    return MeteredClients.producer(properties, meters);
  }

  public KafkaConsumer<String, byte[]> consumer(String groupId, String clientId) {
    return consumer(consumerProperties(groupId, clientId));
  }

  /** A consumer with properties adjusted by the caller (e.g. max.poll.records). */
  public KafkaConsumer<String, byte[]> consumer(Map<String, Object> properties) {
    return MeteredClients.consumer(properties, meters);
  }

  /**
   * A consumer outside any group, for readers that assign partitions and keep no offsets (the
   * inventory and settings views): it needs no group, so no group ACL either.
   */
  public KafkaConsumer<String, byte[]> reader(String clientId) {
    return reader(clientId, FetchPace.EAGER);
  }

  /** As {@link #reader(String)}, refreshing metadata at {@code pace}. */
  public KafkaConsumer<String, byte[]> reader(String clientId, FetchPace pace) {
    Map<String, Object> props = consumerProperties("", clientId, pace);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return consumer(props);
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
