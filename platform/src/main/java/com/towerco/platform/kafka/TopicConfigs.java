package com.towerco.platform.kafka;

import com.towerco.events.TopicFamily;
import com.towerco.events.TopicRetention;
import com.towerco.platform.PlatformConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka topic settings of a topic family, from its declared {@link TopicRetention} and the
 * configured windows: {@code cleanup.policy}, {@code retention.ms} ({@code -1}: forever),
 * {@code retention.bytes} ({@code -1}: no size limit, so a broker default cannot cut a source
 * of truth short) and {@code min.insync.replicas} (2 once a topic has 3 replicas, so an
 * {@code acks=all} write survives the loss of any one broker).
 */
public final class TopicConfigs {
  public static final String CLEANUP_POLICY = "cleanup.policy";
  public static final String RETENTION_MS = "retention.ms";
  public static final String RETENTION_BYTES = "retention.bytes";
  public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

  private TopicConfigs() {}

  /** What every topic of {@code family} with {@code replicas} replicas is set to. */
  public static Map<String, String> of(TopicFamily family, PlatformConfig config, int replicas) {
    Map<String, String> settings = new LinkedHashMap<>();
    TopicRetention retention = family.retention();
    switch (retention.kind()) {
      case COMPACTED -> settings.put(CLEANUP_POLICY, "compact");
      case FOREVER -> {
        settings.put(CLEANUP_POLICY, "delete");
        settings.put(RETENTION_MS, "-1");
        settings.put(RETENTION_BYTES, "-1");
      }
      case WINDOW -> {
        settings.put(CLEANUP_POLICY, "delete");
        settings.put(RETENTION_MS,
            String.valueOf(config.retentionOf(family).orElseThrow().toMillis()));
        settings.put(RETENTION_BYTES, "-1");
      }
      default -> throw new IllegalStateException("unknown retention " + retention.kind());
    }
    settings.put(MIN_INSYNC_REPLICAS, replicas >= 3 ? "2" : "1");
    return settings;
  }
}
