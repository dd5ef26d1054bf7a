package com.towerco.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * Real Kafka clients (never connected: their metrics exist from construction) bound to a real
 * registry: the meters the monitoring pack reads are there with its names and labels, nothing
 * finer than a client is registered or even read, and closing a binding removes its meters.
 */
class KafkaClientMetersTest {
  private static final String NOWHERE = "127.0.0.1:1";

  @Test
  void producerAndConsumerExportTheClientLevelMetersTheMonitoringPackReads() throws Exception {
    try (PlatformMetrics metrics = new PlatformMetrics()) {
      KafkaClientMeters meters = new KafkaClientMeters(metrics.registry());
      KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE,
          ProducerConfig.CLIENT_ID_CONFIG, "towerco-kpi-0"),
          new ByteArraySerializer(), new ByteArraySerializer());
      KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE, ConsumerConfig.GROUP_ID_CONFIG, "g",
          ConsumerConfig.CLIENT_ID_CONFIG, "towerco-kpi-0"),
          new ByteArrayDeserializer(), new ByteArrayDeserializer());
      try {
        AutoCloseable producerBinding = meters.bind(producer);
        AutoCloseable consumerBinding = meters.bind(consumer);
        String scrape = metrics.scrape();
        assertThat(scrape)
            .contains("kafka_producer_record_error_total{client_id=\"towerco-kpi-0\","
                + "client_kind=\"producer\",kafka_version=\"")
            .contains("kafka_producer_record_retry_total{")
            .contains("kafka_producer_request_latency_avg{")
            .contains("kafka_producer_request_latency_max{")
            .contains("kafka_consumer_time_between_poll_max{client_id=\"towerco-kpi-0\","
                + "client_kind=\"consumer\"")
            .contains("kafka_consumer_coordinator_commit_latency_avg{")
            .contains("kafka_consumer_coordinator_rebalance_rate_per_hour{")
            .contains("kafka_consumer_fetch_manager_records_lag_max{")
            .doesNotContain("node_id=").doesNotContain("kafka_app_info");

        producerBinding.close();
        consumerBinding.close();
        assertThat(metrics.scrape()).doesNotContain("kafka_producer")
            .doesNotContain("kafka_consumer");
      } finally {
        producer.close(Duration.ZERO);
        consumer.close(Duration.ZERO);
      }
    }
  }

  @Test
  void streamsClientExportsFailedThreadsAndThreadRates() throws Exception {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in").to("out");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "towerco-aiops-engine");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE);
    props.put(StreamsConfig.STATE_DIR_CONFIG,
        java.nio.file.Files.createTempDirectory("towerco-meters-").toString());
    try (PlatformMetrics metrics = new PlatformMetrics();
        KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      AutoCloseable binding = new KafkaClientMeters(metrics.registry()).bind(streams);
      assertThat(metrics.scrape())
          .contains("kafka_stream_failed_stream_threads_total{")
          .contains("kafka_stream_thread_process_rate{")
          .contains("client_kind=\"streams\"");
      binding.close();
      assertThat(metrics.scrape()).doesNotContain("kafka_stream");
    }
  }

  @Test
  void metricsFinerThanAClientAreNeitherRegisteredNorRead() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    try (Metrics kafka = new Metrics(); PlatformMetrics metrics = new PlatformMetrics()) {
      Measurable counted = (config, now) -> reads.incrementAndGet();
      kafka.addMetric(kafka.metricName("records-lag-max", "consumer-fetch-manager-metrics", "",
          Map.of("client-id", "c")), (config, now) -> 7.0);
      for (int p = 0; p < 500; p++) {
        kafka.addMetric(kafka.metricName("records-lag-max", "consumer-fetch-manager-metrics", "",
            Map.of("client-id", "c", "topic", "towerco.sites.S" + p + ".events",
                "partition", "0")), counted);
        kafka.addMetric(kafka.metricName("records-lag", "consumer-fetch-manager-metrics", "",
            Map.of("client-id", "c", "topic", "t" + p, "partition", "0")), counted);
      }
      Map<MetricName, ? extends Metric> all = kafka.metrics();
      AutoCloseable binding = new KafkaClientMeters(metrics.registry()).bind("consumer",
          () -> all);
      String scrape = metrics.scrape();

      assertThat(scrape).contains("kafka_consumer_fetch_manager_records_lag_max{client_id=\"c\","
          + "client_kind=\"consumer\",kafka_version=\"").contains("} 7.0")
          .doesNotContain("topic=").doesNotContain("kafka_consumer_fetch_manager_records_lag{");
      assertThat(reads).hasValue(0);
      binding.close();
    }
  }
}
