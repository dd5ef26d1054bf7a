package com.towerco.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.towerco.events.TopicFamily;
import com.towerco.testing.KafkaExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each topic family's retention, as the real broker reports it: set on new topics, set again on
 * topics that existed with other settings, and changed when the configured window changes.
 */
class TopicRetentionIT {
  private static final long DAY_MS = Duration.ofDays(1).toMillis();

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  @Test
  void newTopicsGetTheirFamilysRetention() throws Exception {
    var context = kafka.context(kafka.config());
    String lifecycle = context.topics().ensure(TopicFamily.INCIDENT_LIFECYCLE, "NEWT");
    String commands = context.topics().ensure(TopicFamily.INCIDENT_COMMANDS, "NEWT");
    String site = context.topics().ensure(TopicFamily.SITE_EVENTS, "NEWS1");
    String kpis = context.topics().ensure(TopicFamily.KPI_METRICS, "NEWT");
    String inventory = context.topics().ensure(TopicFamily.INVENTORY);

    try (Admin admin = context.clients().admin()) {
      assertThat(config(admin, lifecycle, "retention.ms")).isEqualTo("-1");
      assertThat(config(admin, lifecycle, "retention.bytes")).isEqualTo("-1");
      assertThat(config(admin, lifecycle, "cleanup.policy")).isEqualTo("delete");
      assertThat(config(admin, commands, "retention.ms")).isEqualTo("-1");
      assertThat(config(admin, site, "retention.ms")).isEqualTo(String.valueOf(7 * DAY_MS));
      assertThat(config(admin, kpis, "retention.ms")).isEqualTo(String.valueOf(62 * DAY_MS));
      assertThat(config(admin, inventory, "cleanup.policy")).isEqualTo("compact");
      assertThat(config(admin, site, "min.insync.replicas")).isEqualTo("1");
    }
  }

  @Test
  void existingTopicsAreReconciledToTheFamilyAndTheConfiguredWindow() throws Exception {
    String lifecycle = TopicFamily.INCIDENT_LIFECYCLE.topic("OLDT");
    String kpis = TopicFamily.KPI_METRICS.topic("OLDT");
    var setup = kafka.context(kafka.config());
    try (Admin admin = setup.clients().admin()) {
      // As an older version (or a person) left them: the broker's 7-day default, 1 h on KPIs.
      admin.createTopics(List.of(new NewTopic(lifecycle, 2, (short) 1),
          new NewTopic(kpis, 2, (short) 1).configs(Map.of("retention.ms", "3600000"))))
          .all().get(30, TimeUnit.SECONDS);
      assertThat(config(admin, lifecycle, "retention.ms")).isEqualTo(String.valueOf(7 * DAY_MS));
    }

    var first = kafka.context(kafka.config());
    first.topics().ensure(TopicFamily.INCIDENT_LIFECYCLE, "OLDT");
    first.topics().ensure(TopicFamily.KPI_METRICS, "OLDT");
    try (Admin admin = first.clients().admin()) {
      assertThat(config(admin, lifecycle, "retention.ms")).isEqualTo("-1");
      assertThat(config(admin, kpis, "retention.ms")).isEqualTo(String.valueOf(62 * DAY_MS));
    }

    var longer = kafka.context(kafka.config()
        .withRetention(Map.of(TopicFamily.KPI_METRICS, Duration.ofDays(400))));
    assertThat(longer.topics().reconcileAll()).isGreaterThanOrEqualTo(1);
    try (Admin admin = longer.clients().admin()) {
      assertThat(config(admin, kpis, "retention.ms")).isEqualTo(String.valueOf(400 * DAY_MS));
      assertThat(config(admin, lifecycle, "retention.ms")).isEqualTo("-1");
    }
    assertThat(longer.topics().reconcileAll()).isZero();
  }

  @Test
  void aWindowShorterThanWhatItsReadersNeedIsRefused() {
    assertThatThrownBy(() -> kafka.config()
        .withRetention(Map.of(TopicFamily.SITE_EVENTS, Duration.ofHours(24))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("site-events").hasMessageContaining("48 h");
    assertThatThrownBy(() -> kafka.config()
        .withRetention(Map.of(TopicFamily.INCIDENT_LIFECYCLE, Duration.ofDays(400))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kept forever");
  }

  /**
   * The topic's setting as the broker reports it. A topic the controller has just created can
   * be unknown to the broker's metadata for a moment (CI saw it once), so that answer is asked
   * again for up to 30 s; any other error fails the test.
   */
  private static String config(Admin admin, String topic, String key) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
            .get(resource).get(key).value();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
