package com.towerco.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster as this process sees it, from Kafka's Admin API every {@code interval}: brokers
 * alive ({@code towerco_kafka_brokers}), partitions whose in-sync replicas are fewer than their
 * replicas ({@code towerco_kafka_under_replicated_partitions}), partitions without a leader
 * ({@code towerco_kafka_offline_partitions}) and whether the last look succeeded
 * ({@code towerco_kafka_cluster_reachable}). The same numbers for the embedded broker and for
 * a real cluster (whose brokers' own JMX metrics say more); every process reports the whole
 * cluster, so rules take the {@code max}.
 */
public final class KafkaClusterMeters implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaClusterMeters.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Admin admin;
  private final ScheduledExecutorService scheduler;
  private volatile double brokers = Double.NaN;
  private volatile double underReplicated = Double.NaN;
  private volatile double offline = Double.NaN;
  private volatile double reachable;

  public KafkaClusterMeters(Admin admin, MeterRegistry registry, Duration interval) {
    this.admin = admin;
    Gauge.builder("towerco_kafka_brokers", this, m -> m.brokers)
        .description("Brokers in the cluster (Admin describeCluster)").register(registry);
    Gauge.builder("towerco_kafka_under_replicated_partitions", this, m -> m.underReplicated)
        .description("Partitions with fewer in-sync replicas than replicas").register(registry);
    Gauge.builder("towerco_kafka_offline_partitions", this, m -> m.offline)
        .description("Partitions without a leader").register(registry);
    Gauge.builder("towerco_kafka_cluster_reachable", this, m -> m.reachable)
        .description("1 when the last look at the cluster succeeded, else 0").register(registry);
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "kafka-cluster-meters");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(this::look, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Looks once; public so a test need not wait for the schedule. */
  public void look() {
    int timeout = (int) TIMEOUT.toMillis();
    try {
      int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeout)).nodes()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
      Collection<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)
          .timeoutMs(timeout)).names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      long under = 0;
      long leaderless = 0;
      for (TopicDescription topic : admin.describeTopics(topics, new DescribeTopicsOptions()
          .timeoutMs(timeout)).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .values()) {
        for (TopicPartitionInfo partition : topic.partitions()) {
          if (partition.isr().size() < partition.replicas().size()) {
            under++;
          }
          if (partition.leader() == null || partition.leader().isEmpty()) {
            leaderless++;
          }
        }
      }
      brokers = nodes;
      underReplicated = under;
      offline = leaderless;
      reachable = 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      reachable = 0;
      LOG.debug("cannot describe the Kafka cluster: {}", e.toString());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
