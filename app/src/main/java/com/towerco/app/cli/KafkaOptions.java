package com.towerco.app.cli;

import com.towerco.platform.PlatformConfig;
import java.nio.file.Path;
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

  @Option(names = "--site-partitions", defaultValue = "4",
      description = "Partitions of each towerco.sites.{site_id}.events topic (default: "
          + "${DEFAULT-VALUE}).")
  public int sitePartitions;

  @Option(names = "--tenant-partitions", defaultValue = "3",
      description = "Partitions of each per-tenant topic (default: ${DEFAULT-VALUE}).")
  public int tenantPartitions;

  @Option(names = "--replication-factor", defaultValue = "1",
      description = "Replication of new topics; use 3 on a real cluster (default: "
          + "${DEFAULT-VALUE}).")
  public short replicationFactor;

  @Option(names = "--instance-id", defaultValue = "0",
      description = "Distinguishes instances of the same services (default: ${DEFAULT-VALUE}).")
  public String instanceId;

  /** Applies these options to a base configuration. */
  public PlatformConfig apply(PlatformConfig base) {
    PlatformConfig config = base.withTopicLayout(sitePartitions, tenantPartitions,
        replicationFactor).withInstanceId(instanceId);
    if (kafkaConfig != null) {
      config = config.withClientProperties(PlatformConfig.loadClientProperties(kafkaConfig));
    }
    return config;
  }
}
