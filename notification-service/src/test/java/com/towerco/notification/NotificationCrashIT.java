package com.towerco.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.notification.NotificationAttempted;
import com.towerco.notification.support.ServiceProcess;
import com.towerco.notification.support.TestReceiver;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kills the service (SIGKILL, in its own JVM) while it is delivering, starts it again with an
 * empty local state directory, and shows that every notification still arrives, that the only
 * repeats are of deliveries already under way at the kill and carry the same idempotency key,
 * and that each notification is recorded as delivered exactly once.
 */
class NotificationCrashIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final int NOTIFICATIONS = 40;
  private static final String INSTANCE = "crash-1";

  @Test
  void aServiceKilledInTheMiddleOfDeliveryLosesNothingAndRepeatsOnlyUnderTheSameKey()
      throws Exception {
    try (TestReceiver http = new TestReceiver()) {
      http.delay(150);
      Path config = kafka.dataDir().resolve("crash.yaml");
      Files.writeString(config, """
          delivery: {max_attempts: 6, initial_backoff: 200ms, max_backoff: 2s}
          outbound: {allow: [127.0.0.1/32], tenant_sends_per_minute: 1000}
          tenants:
            crash:
              receivers: [{name: hook, type: webhook, url: "%s"}]
              routes: [{receivers: [hook], group_by: [site], group_wait: 0s}]
          """.formatted(http.url("/crash")));
      Process child = ServiceProcess.start(kafka.bootstrapServers(), config,
          kafka.dataDir().resolve("first"), INSTANCE, kafka.dataDir().resolve("first.log"));

      ServiceContext context = kafka.context();
      EventPublisher feed = context.outputs("crash-feed", "").publisher();
      for (int i = 1; i <= NOTIFICATIONS; i++) {
        Envelope event = Envelope.of(EventIds.random(), "crash", "", Instant.now(),
            new AlertFiring("al-C" + i, "site-unreachable|C" + i, "site-unreachable",
                AlertSeverity.MAJOR, "Site unreachable at C" + i, "C" + i, "north", "CH",
                List.of("crash"), Map.of(), Instant.now(), List.of()), Map.of());
        feed.publish(TopicFamily.ALERT_NOTIFICATIONS, "crash", "C" + i, event);
      }
      feed.flush();

      await().atMost(Duration.ofSeconds(60)).until(() -> http.received("/crash").size() >= 8);
      child.destroyForcibly().waitFor();
      // a request the receiver was still answering at the kill is recorded a moment later
      AtomicInteger settled = new AtomicInteger(-1);
      await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(10))
          .until(() -> settled.getAndSet(http.received("/crash").size())
              == http.received("/crash").size());
      List<TestReceiver.Received> beforeKill = List.copyOf(http.received("/crash"));
      assertThat(beforeKill.size()).as("killed in the middle").isLessThan(NOTIFICATIONS);

      PlatformConfig restarted = PlatformConfig.local(kafka.bootstrapServers(),
          kafka.dataDir().resolve("second")).withTopicLayout(2, 2, (short) 1)
          .withInstanceId(INSTANCE);
      PlatformService service = new NotificationServiceFactory().create(
          kafka.context(restarted), new ServiceSettings(Map.of("notification.config",
              config.toString(), "notification.tick-interval", "PT0.1S")));
      service.start();
      try {
        await().atMost(Duration.ofSeconds(120)).until(() -> keys(http).size() == NOTIFICATIONS);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
            .until(() -> keys(http).size() == NOTIFICATIONS);
      } finally {
        service.close();
        feed.producer().close();
      }

      List<TestReceiver.Received> all = http.received("/crash");
      Set<String> keysBeforeKill = beforeKill.stream()
          .map(TestReceiver.Received::idempotencyKey).collect(Collectors.toSet());
      Set<String> seen = new HashSet<>();
      int repeats = 0;
      for (TestReceiver.Received r : all) {
        if (!seen.add(r.idempotencyKey())) {
          repeats++;
          assertThat(keysBeforeKill).as("only deliveries under way at the kill repeat")
              .contains(r.idempotencyKey());
        }
      }
      assertThat(all.stream().collect(Collectors.groupingBy(TestReceiver.Received::idempotencyKey,
          Collectors.mapping(r -> r.body().get("notification_id").asText(),
              Collectors.toSet()))).values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
      System.out.printf("crash test: %d notifications, %d received before the kill, %d repeats "
          + "after it, all under the same idempotency key%n", NOTIFICATIONS, beforeKill.size(),
          repeats);

      try (TopicReader deliveries = new TopicReader(kafka.bootstrapServers(),
          Pattern.compile(Pattern.quote(TopicFamily.NOTIFICATION_DELIVERIES.topic("crash"))))) {
        deliveries.readFor(Duration.ofSeconds(2));
        List<NotificationAttempted> delivered = deliveries.events("notification.attempted")
            .stream().map(e -> (NotificationAttempted) e.payload())
            .filter(a -> a.outcome() == NotificationAttempted.Outcome.DELIVERED).toList();
        assertThat(delivered).as("each notification recorded as delivered exactly once")
            .extracting(NotificationAttempted::idempotencyKey)
            .hasSize(NOTIFICATIONS).doesNotHaveDuplicates();
      }
    }
  }

  private static Set<String> keys(TestReceiver http) {
    return http.accepted("/crash").stream().map(TestReceiver.Received::idempotencyKey)
        .collect(Collectors.toSet());
  }
}
