package com.towerco.app.cli;

import com.towerco.app.InstanceId;
import com.towerco.events.TopicFamily;
import com.towerco.platform.PlatformConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where Kafka is and how topics are laid out; shared by every command that talks to Kafka. */
public final class KafkaOptions {
  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
      description = "Kafka or Redpanda bootstrap servers (default: ${DEFAULT-VALUE}).",
      defaultValue = "localhost:9092")
  public String bootstrapServers;

  @Option(names = "--kafka-config", paramLabel = "FILE",
      description = "Kafka client properties (security.protocol, sasl.*, ssl.*; producer.*, "
          + "consumer.*, admin.* and streams.* override per client). TOWERCO_KAFKA_* environment "
          + "variables are applied too, e.g. TOWERCO_KAFKA_SASL_MECHANISM=PLAIN.")
  public Path kafkaConfig;

  @Option(names = "--site-partitions",
      defaultValue = "" + com.towerco.platform.PlatformConfig.DEFAULT_SITE_PARTITIONS,
      description = "Partitions of each towerco.sites.{site_group}.events topic, one of 16 "
          + "site groups; the AIOps engine spreads site events over this many tasks (default: "
          + "${DEFAULT-VALUE}).")
  public int sitePartitions;

  @Option(names = "--tenant-partitions", defaultValue = "3",
      description = "Partitions of each per-tenant topic (default: ${DEFAULT-VALUE}).")
  public int tenantPartitions;

  @Option(names = "--replication-factor", defaultValue = "1",
      description = "Replication of new topics; use 3 on a real cluster (default: "
          + "${DEFAULT-VALUE}).")
  public short replicationFactor;

  @Option(names = "--instance-id",
      description = "Distinguishes instances of the same services in client ids, transactional "
          + "ids and state directories (default: this machine's name and a digest of the data "
          + "directory: unique per process, the same after a restart).")
  public String instanceId;

  @Option(names = "--broker-wait", paramLabel = "DURATION", defaultValue = "PT5S",
      description = "How long to wait for a broker to answer before giving up with a message "
          + "(default: ${DEFAULT-VALUE}); a supervised service process may wait longer for a "
          + "cluster that starts with it.")
  public Duration brokerWait;

  @Option(names = "--retention", paramLabel = "FAMILY=DURATION",
      description = "Retention of a windowed topic family, e.g. --retention kpi-metrics=P400D "
          + "or site-events=14d (repeatable; 'towerco topics' lists families, defaults and "
          + "minimums). Give every process the same values: each reconciles existing topics.")
  public Map<String, String> retention = new LinkedHashMap<>();

  /**
   * The configuration for {@code dataDir} against {@code --bootstrap-servers}, once a broker
   * answered there (else a few seconds later an error that says how to get one).
   */
  public PlatformConfig connect(Path dataDir) {
    PlatformConfig config = apply(PlatformConfig.local(bootstrapServers, dataDir));
    BrokerCheck.require(config, brokerWait == null ? BrokerCheck.WAIT : brokerWait);
    return config;
  }

  /** {@code kpi-metrics=P400D}, {@code site-events=14d}, {@code alert-notifications=72h}. */
  static Map<TopicFamily, Duration> retentionWindows(Map<String, String> given) {
    Map<TopicFamily, Duration> windows = new EnumMap<>(TopicFamily.class);
    given.forEach((name, value) -> {
      TopicFamily family = Arrays.stream(TopicFamily.values())
          .filter(f -> f.settingName().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("--retention: no topic family '"
              + name + "'; 'towerco topics' lists them"));
      windows.put(family, duration(value));
    });
    return windows;
  }

  private static Duration duration(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.matches("\\d+d")) {
        return Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
      }
      if (v.matches("\\d+h")) {
        return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
      }
      return Duration.parse(value.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--retention: '" + value + "' is not a duration "
          + "(P30D, PT48H, 30d or 48h)");
    }
  }

  /** Applies these options to a base configuration. */
  public PlatformConfig apply(PlatformConfig base) {
    PlatformConfig config = base.withTopicLayout(sitePartitions, tenantPartitions,
        replicationFactor).withInstanceId(instanceId != null ? instanceId
            : InstanceId.defaultFor(base.dataDir()))
        .withRetention(retentionWindows(retention));
    if (kafkaConfig != null) {
      config = config.withClientProperties(PlatformConfig.loadClientProperties(kafkaConfig));
    }
    return config;
  }
}
