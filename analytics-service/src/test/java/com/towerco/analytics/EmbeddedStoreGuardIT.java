package com.towerco.analytics;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.towerco.analytics.jdbc.EmbeddedStoreGuard;
import com.towerco.events.TopicFamily;
import com.towerco.testing.KafkaExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A second analytics instance on an embedded store is refused while another instance is in the
 * consumer group; the same instance restarting, or any instance on PostgreSQL, is not.
 */
class EmbeddedStoreGuardIT {
  private static final String GROUP = AnalyticsServiceFactory.GROUP_ID;
  private static final String DUCKDB = "jdbc:duckdb:/tmp/a.duckdb";

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void refusesASecondInstanceOnDuckDbButNotItsOwnRestartNorPostgres() {
    var context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.INVENTORY);
    try (KafkaConsumer<String, byte[]> first = context.clients().consumer(GROUP,
        "towerco-analytics-hostA-1a2b3c-0")) {
      first.subscribe(List.of(topic));
      assertThatCode(() -> EmbeddedStoreGuard.requireSoleInstance(context.clients(), GROUP,
          DUCKDB, "towerco-analytics-hostB-9f8e7d-")).doesNotThrowAnyException();
      await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
        first.poll(Duration.ofMillis(200));
        try (Admin admin = context.clients().admin()) {
          return !admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP)
              .get(10, TimeUnit.SECONDS).members().isEmpty();
        }
      });

      assertThatThrownBy(() -> EmbeddedStoreGuard.requireSoleInstance(context.clients(), GROUP,
          DUCKDB, "towerco-analytics-hostB-9f8e7d-"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another analytics instance")
          .hasMessageContaining("towerco-analytics-hostA-1a2b3c-0")
          .hasMessageContaining("jdbc:postgresql");
      assertThatCode(() -> EmbeddedStoreGuard.requireSoleInstance(context.clients(), GROUP,
          DUCKDB, "towerco-analytics-hostA-1a2b3c-")).doesNotThrowAnyException();
      assertThatCode(() -> EmbeddedStoreGuard.requireSoleInstance(context.clients(), GROUP,
          "jdbc:postgresql://127.0.0.1:5432/towerco", "towerco-analytics-hostB-9f8e7d-"))
          .doesNotThrowAnyException();
    }
  }
}
