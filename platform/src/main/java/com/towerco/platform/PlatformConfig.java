package com.towerco.platform;

import com.towerco.events.TopicFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How this process reaches Kafka and lays out its topics. Client security settings (TLS, SASL)
 * are passed through untouched from a properties file and from environment variables named
 * {@code TOWERCO_KAFKA_<PROPERTY>} (for example {@code TOWERCO_KAFKA_SECURITY_PROTOCOL=SASL_SSL}
 * becomes {@code security.protocol=SASL_SSL}), so the same jar runs against an embedded broker,
 * a Kafka cluster or Redpanda.
 */
public record PlatformConfig(
    String bootstrapServers,
    Map<String, String> clientProperties,
    int siteTopicPartitions,
    int tenantTopicPartitions,
    short replicationFactor,
    String operatorTenant,
    Path dataDir,
    String instanceId,
    Map<TopicFamily, Duration> retention) {

  public static final String ENV_PREFIX = "TOWERCO_KAFKA_";
  public static final String DEFAULT_OPERATOR_TENANT = "towerco";
  /**
   * Partitions of a site group topic unless configured: one. Sites are spread over a fixed
   * number of group topics (ADR-029), so the fleet is 16 x this many partitions whatever its
   * size. A Kafka Streams application makes one task per partition number across a pattern, so
   * this is also how many tasks (threads, instances) the AIOps engine can spread site events
   * over. One keeps the engine's state stores (one partition each, as before ADR-029) valid on
   * an upgrade, and no producer can put a site in the wrong partition; a new cluster that needs
   * the engine on more instances is created with more (ADR-029, "Scaling the engine out").
   */
  public static final int DEFAULT_SITE_PARTITIONS = 1;

  public PlatformConfig {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrap servers are required");
    }
    clientProperties = Map.copyOf(clientProperties);
    retention = Map.copyOf(retention);
    retention.forEach((family, window) ->
        family.retention().effective(Optional.of(window), family.settingName()));
    if (siteTopicPartitions < 1 || tenantTopicPartitions < 1 || replicationFactor < 1) {
      throw new IllegalArgumentException("partitions and replication factor must be positive");
    }
  }

  /** With every topic family's declared retention. */
  public PlatformConfig(String bootstrapServers, Map<String, String> clientProperties,
      int siteTopicPartitions, int tenantTopicPartitions, short replicationFactor,
      String operatorTenant, Path dataDir, String instanceId) {
    this(bootstrapServers, clientProperties, siteTopicPartitions, tenantTopicPartitions,
        replicationFactor, operatorTenant, dataDir, instanceId, Map.of());
  }

  /** Defaults for a local run against {@code bootstrapServers}. */
  public static PlatformConfig local(String bootstrapServers, Path dataDir) {
    return new PlatformConfig(bootstrapServers, clientPropertiesFromEnvironment(System.getenv()),
        DEFAULT_SITE_PARTITIONS, 3, (short) 1, DEFAULT_OPERATOR_TENANT, dataDir, "0");
  }

  public PlatformConfig withClientProperties(Map<String, String> extra) {
    Map<String, String> merged = new HashMap<>(clientProperties);
    merged.putAll(extra);
    return new PlatformConfig(bootstrapServers, merged, siteTopicPartitions,
        tenantTopicPartitions, replicationFactor, operatorTenant, dataDir, instanceId,
        retention);
  }

  public PlatformConfig withTopicLayout(int sitePartitions, int tenantPartitions,
      short replication) {
    return new PlatformConfig(bootstrapServers, clientProperties, sitePartitions,
        tenantPartitions, replication, operatorTenant, dataDir, instanceId, retention);
  }

  public PlatformConfig withInstanceId(String id) {
    return new PlatformConfig(bootstrapServers, clientProperties, siteTopicPartitions,
        tenantTopicPartitions, replicationFactor, operatorTenant, dataDir, id, retention);
  }

  /**
   * With these window families' retention instead of their declared default; refuses a family
   * kept forever or compacted, and a window shorter than the family's minimum.
   */
  public PlatformConfig withRetention(Map<TopicFamily, Duration> windows) {
    Map<TopicFamily, Duration> merged = new HashMap<>(retention);
    merged.putAll(windows);
    return new PlatformConfig(bootstrapServers, clientProperties, siteTopicPartitions,
        tenantTopicPartitions, replicationFactor, operatorTenant, dataDir, instanceId, merged);
  }

  /** The retention of a window family as configured (else its default); empty otherwise. */
  public Optional<Duration> retentionOf(TopicFamily family) {
    return family.retention().effective(Optional.ofNullable(retention.get(family)),
        family.settingName());
  }

  /** Kafka client properties from a {@code .properties} file. */
  public static Map<String, String> loadClientProperties(Path file) {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Kafka client config " + file, e);
    }
    Map<String, String> map = new HashMap<>();
    props.forEach((k, v) -> map.put(k.toString(), v.toString()));
    return map;
  }

  /** {@code TOWERCO_KAFKA_SASL_MECHANISM=PLAIN} becomes {@code sasl.mechanism=PLAIN}. */
  public static Map<String, String> clientPropertiesFromEnvironment(Map<String, String> env) {
    Map<String, String> map = new HashMap<>();
    env.forEach((k, v) -> {
      if (k.startsWith(ENV_PREFIX) && k.length() > ENV_PREFIX.length()) {
        map.put(k.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
      }
    });
    return map;
  }
}
