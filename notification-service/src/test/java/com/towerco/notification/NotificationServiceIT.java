package com.towerco.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.Rfc3339;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.notification.NotificationAttempted;
import com.towerco.events.payload.notification.NotificationEscalated;
import com.towerco.events.payload.notification.NotificationSuppressed;
import com.towerco.events.payload.Payload;
import com.towerco.notification.support.TestReceiver;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The notification service on a real broker, with real receivers: an HTTP server and an SMTP
 * server running in the test. Each test uses its own tenant, so they share one service.
 */
class NotificationServiceIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static TestReceiver http;
  private static GreenMail smtp;
  private static ServiceContext context;
  private static PlatformService service;
  private static EventPublisher feed;
  private static WebServer web;

  @BeforeAll
  static void start() throws Exception {
    http = new TestReceiver();
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Path config = kafka.dataDir().resolve("notification.yaml");
    Files.writeString(config, """
        smtp: {host: 127.0.0.1, port: %d, from: noc@towerco.test}
        delivery: {max_attempts: 3, initial_backoff: 200ms, max_backoff: 1s, jitter: 0.1,
                   breaker_failure_threshold: 10, breaker_open_for: 2s, request_timeout: 3s}
        outbound: {allow: [127.0.0.1/32], min_group_interval: 1s, tenant_sends_per_minute: 1000}
        tenants:
          hub:
            receivers:
              - {name: generic, type: webhook, url: "%s"}
              - {name: slack, type: slack, url: "%s"}
              - {name: am, type: alertmanager, url: "%s"}
            routes:
              - {name: noc, receivers: [generic, slack, am], group_by: [hub],
                 group_wait: 2s, group_interval: 2s, repeat_interval: 1h}
          mail:
            receivers: [{name: ops-mail, type: email, to: [ops@mail.test]}]
            routes: [{receivers: [ops-mail], group_wait: 0s}]
          flaky:
            receivers: [{name: flaky, type: webhook, url: "%s"}]
            routes: [{receivers: [flaky], group_wait: 0s}]
          dead:
            receivers: [{name: dead, type: webhook, url: "%s"}]
            routes: [{receivers: [dead], group_wait: 0s}]
          quiet:
            receivers: [{name: quiet, type: webhook, url: "%s"}]
            routes: [{receivers: [quiet], group_by: [site], group_wait: 0s}]
          oncall:
            receivers:
              - {name: l1, type: webhook, url: "%s"}
              - {name: l2, type: webhook, url: "%s"}
              - {name: l3, type: webhook, url: "%s"}
            escalations:
              - name: critical
                matchers: ['severity="critical"']
                levels:
                  - {after: 0s, receivers: [l1]}
                  - {after: 2s, receivers: [l2]}
                  - {after: 6s, receivers: [l3]}
        """.formatted(smtp.getSmtp().getPort(), http.url("/hub/generic"),
        http.url("/hub/slack"), http.url("/hub/am"), http.url("/flaky"), http.url("/dead"),
        http.url("/quiet"), http.url("/oncall/l1"), http.url("/oncall/l2"),
        http.url("/oncall/l3")));
    context = kafka.context();
    service = new NotificationServiceFactory().create(context, new ServiceSettings(Map.of(
        "notification.config", config.toString(), "notification.tick-interval", "PT0.1S")));
    service.start();
    feed = context.outputs("test-feed", "").publisher();
    web = WebServer.start(0, context.metrics(), service::isReady, ctx -> {
      String tenant = ctx.header("X-Tenant");
      return tenant == null ? Caller.operator("noc-jane") : Caller.tenant("user", tenant);
    }, List.of((com.towerco.platform.http.HttpRoutes) service));
    await().atMost(Duration.ofSeconds(60)).until(service::isReady);
  }

  @AfterAll
  static void stop() {
    web.close();
    service.close();
    feed.producer().close();
    smtp.stop();
    http.close();
  }

  @Test
  void aHubFailureIsOneNotificationPerReceiverThatUpdatesAndResolves() throws Exception {
    for (int i = 1; i <= 10; i++) {
      publish(TopicFamily.ALERT_NOTIFICATIONS, "hub", unreachable("hub", "HS" + i, "H1"));
    }
    await().atMost(WAIT).until(() -> http.received("/hub/am").size() == 1
        && http.received("/hub/generic").size() == 1 && http.received("/hub/slack").size() == 1);
    JsonNode generic = http.received("/hub/generic").get(0).body();
    assertThat(generic.get("alerts")).hasSize(10);
    assertThat(generic.get("status").asText()).isEqualTo("firing");
    assertThat(generic.get("idempotency_key").asText())
        .isEqualTo(http.received("/hub/generic").get(0).idempotencyKey());
    JsonNode am = http.received("/hub/am").get(0).body();
    assertThat(am.get("version").asText()).isEqualTo("4");
    assertThat(am.get("alerts")).hasSize(10);
    assertThat(am.get("groupLabels").get("hub").asText()).isEqualTo("H1");
    assertThat(am.get("commonAnnotations").get("idempotency_key").asText())
        .isEqualTo(http.received("/hub/am").get(0).idempotencyKey());
    assertThat(http.received("/hub/slack").get(0).body().get("text").asText())
        .startsWith("[FIRING:10]");

    for (int i = 11; i <= 15; i++) {
      publish(TopicFamily.ALERT_NOTIFICATIONS, "hub", unreachable("hub", "HS" + i, "H1"));
    }
    await().atMost(WAIT).until(() -> http.received("/hub/generic").size() == 2);
    assertThat(http.received("/hub/generic").get(1).body().get("alerts")).hasSize(15);

    for (int i = 1; i <= 15; i++) {
      publish(TopicFamily.ALERT_NOTIFICATIONS, "hub", resolved(unreachable("hub", "HS" + i,
          "H1")));
    }
    await().atMost(WAIT).until(() -> http.received("/hub/generic").size() == 3);
    assertThat(http.received("/hub/generic").get(2).body().get("status").asText())
        .isEqualTo("resolved");
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
        .until(() -> http.received("/hub/generic").size() == 3);
    assertThat(http.received("/hub/generic")).extracting(TestReceiver.Received::idempotencyKey)
        .doesNotHaveDuplicates();
  }

  @Test
  void emailsGoThroughARealSmtpServerWithTheIdempotencyKeyAsMessageId() throws Exception {
    publish(TopicFamily.ALERT_NOTIFICATIONS, "mail", unreachable("mail", "MS1", "MH"));
    assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
    MimeMessage message = smtp.getReceivedMessages()[0];
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ops@mail.test");
    assertThat(message.getSubject()).contains("[FIRING:1]");
    String key = message.getHeader("X-Idempotency-Key")[0];
    assertThat(message.getMessageID()).isEqualTo("<" + key + "@towerco.notifications>");
    await().atMost(WAIT).until(() -> !outcomes("mail").isEmpty());
    assertThat(outcomes("mail")).extracting(NotificationAttempted::outcome)
        .containsExactly(NotificationAttempted.Outcome.DELIVERED);
  }

  @Test
  void aReceiverThatFailsAndRecoversGetsTheNotificationWithOneKey() throws Exception {
    http.failNext("/flaky", 503, 503);
    publish(TopicFamily.ALERT_NOTIFICATIONS, "flaky", unreachable("flaky", "FS1", "FH"));
    await().atMost(WAIT).until(() -> http.accepted("/flaky").size() == 1);
    assertThat(http.received("/flaky")).extracting(TestReceiver.Received::attempt)
        .containsExactly(1, 2, 3);
    assertThat(http.received("/flaky")).extracting(TestReceiver.Received::idempotencyKey)
        .containsOnly(http.accepted("/flaky").get(0).idempotencyKey());
    await().atMost(WAIT).until(() -> outcomes("flaky").size() == 3);
    assertThat(outcomes("flaky")).extracting(NotificationAttempted::outcome).containsExactly(
        NotificationAttempted.Outcome.FAILED, NotificationAttempted.Outcome.FAILED,
        NotificationAttempted.Outcome.DELIVERED);
  }

  @Test
  void aReceiverThatNeverRecoversSendsTheNotificationToTheDeadLetterTopic() throws Exception {
    http.alwaysAnswer("/dead", 503);
    publish(TopicFamily.ALERT_NOTIFICATIONS, "dead", unreachable("dead", "DS1", "DH"));
    await().atMost(WAIT).until(() -> outcomes("dead").size() == 3);
    assertThat(outcomes("dead")).extracting(NotificationAttempted::outcome).containsExactly(
        NotificationAttempted.Outcome.FAILED, NotificationAttempted.Outcome.FAILED,
        NotificationAttempted.Outcome.GAVE_UP);
    try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
      var dead = dlq.readUntil(records -> records.stream().anyMatch(r ->
          "DELIVERY_FAILED".equals(DeadLetters.header(r.headers(), DeadLetters.REASON))), WAIT)
          .stream().filter(r -> "DELIVERY_FAILED".equals(DeadLetters.header(r.headers(),
              DeadLetters.REASON))).findFirst().orElseThrow();
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.SERVICE))
          .isEqualTo("notification");
      assertThat(DeadLetters.header(dead.headers(), DeadLetters.DETAIL)).contains("HTTP 503");
      assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains("\"dead\"");
    }
  }

  @Test
  void aSilenceCreatedThroughTheApiSuppressesMatchingAlertsAndRecordsIt() throws Exception {
    HttpResponse<String> created = call("POST", "/silences", null, """
        {"tenant_id":"quiet","matchers":["site=QS1"],"duration":"1h",
         "comment":"field visit FV-7"}""");
    assertThat(created.statusCode()).isEqualTo(201);
    String silenceId = JSON.readTree(created.body()).get("silence_id").asText();
    assertThat(JSON.readTree(created.body()).get("state").asText()).isEqualTo("active");

    publish(TopicFamily.ALERT_NOTIFICATIONS, "quiet", unreachable("quiet", "QS1", "QH"));
    publish(TopicFamily.ALERT_NOTIFICATIONS, "quiet", unreachable("quiet", "QS2", "QH"));
    await().atMost(WAIT).until(() -> http.received("/quiet").size() == 1);
    assertThat(http.received("/quiet").get(0).body().get("alerts").get(0).get("site_id")
        .asText()).isEqualTo("QS2");
    try (TopicReader deliveries = reader("quiet")) {
      deliveries.readUntil(r -> !suppressed(deliveries).isEmpty(), WAIT);
      assertThat(suppressed(deliveries)).singleElement().satisfies(s -> {
        assertThat(s.silenceIds()).containsExactly(silenceId);
        assertThat(s.alertIds()).containsExactly("al-QS1");
      });
    }

    assertThat(call("GET", "/silences?tenant=quiet", "other", null).statusCode())
        .as("another tenant may not look").isEqualTo(403);
    assertThat(JSON.readTree(call("GET", "/silences", "quiet", null).body()).get("count")
        .asInt()).isEqualTo(1);
    HttpResponse<String> expired = call("DELETE", "/silences/" + silenceId + "?tenant=quiet",
        null, null);
    assertThat(JSON.readTree(expired.body()).get("state").asText()).isEqualTo("expired");
    assertThat(JSON.readTree(expired.body()).get("expired_at").asText()).isNotBlank();
  }

  @Test
  void escalatesAnUnacknowledgedIncidentAndStopsWhenItIsAcknowledged() throws Exception {
    Instant opened = Instant.now();
    publish(TopicFamily.INCIDENT_LIFECYCLE, "oncall", new IncidentOpened("inc-1",
        "Hub OH transmission failure", AlertSeverity.CRITICAL, new IncidentOpened.RootCause("OH",
            "hub-transmission-failure", "8 sites lost", 0.9), List.of("al-1"),
        List.of("OH", "OS1"), List.of("oncall"), opened));
    await().atMost(WAIT).until(() -> http.received("/oncall/l1").size() == 1);
    await().atMost(WAIT).until(() -> http.received("/oncall/l2").size() == 1);
    assertThat(Duration.between(opened, Instant.now())).isGreaterThan(Duration.ofSeconds(2));
    assertThat(http.received("/oncall/l2").get(0).body().get("incident").get("level").asInt())
        .isEqualTo(2);

    String ack = """
        {"event_id":"%s","event_type":"incident.acknowledged","tenant_id":"oncall",
         "site_id":"","timestamp":"%s","version":"1.0",
         "payload":{"incident_id":"inc-1","acknowledged_by":"jane"},"metadata":{}}
        """.formatted(EventIds.random(), Rfc3339.format(Instant.now()));
    feed.producer().send(new ProducerRecord<>(context.topics().ensure(
        TopicFamily.INCIDENT_LIFECYCLE, "oncall"), "inc-1", ack.getBytes(StandardCharsets.UTF_8)));
    feed.flush();
    await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(9))
        .until(() -> http.received("/oncall/l3").isEmpty());
    try (TopicReader deliveries = reader("oncall")) {
      deliveries.readFor(Duration.ofSeconds(1));
      // keyed by notification, so the two levels' events may sit in different partitions
      assertThat(deliveries.events("notification.escalated")).extracting(e ->
          ((NotificationEscalated) e.payload()).level()).containsExactlyInAnyOrder(1, 2);
    }
  }

  @Test
  void routingReplacedThroughTheApiTakesEffectAndStaysWithinTheTenant() throws Exception {
    String routing = """
        {"receivers":[{"name":"dyn","type":"webhook","url":"%s"}],
         "routes":[{"receivers":["dyn"],"group_wait":"0s"}]}""".formatted(http.url("/dyn"));
    assertThat(call("PUT", "/routing?tenant=other", "dyn", routing).statusCode())
        .isEqualTo(403);
    HttpResponse<String> put = call("PUT", "/routing", "dyn", routing);
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(call("GET", "/routing", "dyn", null).body()).get("source")
        .asText()).isEqualTo("api");
    assertThat(call("PUT", "/routing", "dyn", "{\"routes\":[{\"receivers\":[\"x\"]}]}")
        .statusCode()).isEqualTo(400);

    publish(TopicFamily.ALERT_NOTIFICATIONS, "dyn", unreachable("dyn", "YS1", "YH"));
    await().atMost(WAIT).until(() -> http.received("/dyn").size() == 1);
    assertThat(http.received("/dyn").get(0).body().get("tenant_id").asText()).isEqualTo("dyn");
  }

  @Test
  void aTenantReceiverAtAnAddressTheOperatorDoesNotAllowIsRefusedAndRecorded() throws Exception {
    try (TestReceiver internal = new TestReceiver("127.0.0.2")) {
      String routing = """
          {"receivers":[{"name":"internal","type":"webhook","url":"%s"}],
           "routes":[{"receivers":["internal"],"group_wait":"0s"}]}"""
          .formatted(internal.url("/admin"));
      assertThat(call("PUT", "/routing", "probing", routing).statusCode()).isEqualTo(200);
      assertThat(call("PUT", "/routing", "probing", routing.replace("\"0s\"}",
          "\"0s\",\"group_interval\":\"100ms\"}")).body())
          .contains("group_interval", "below the minimum");

      publish(TopicFamily.ALERT_NOTIFICATIONS, "probing", unreachable("probing", "PS1", "PH"));
      await().atMost(WAIT).until(() -> !outcomes("probing").isEmpty());
      NotificationAttempted refused = outcomes("probing").get(0);
      assertThat(refused.outcome()).isEqualTo(NotificationAttempted.Outcome.GAVE_UP);
      assertThat(refused.error()).startsWith("refused:").doesNotContain("127.0.0.2");
      assertThat(internal.received("/admin")).isEmpty();
    }
  }

  private static AlertFiring unreachable(String tenant, String site, String hub) {
    return new AlertFiring("al-" + site, "site-unreachable|" + site, "site-unreachable",
        AlertSeverity.MAJOR, "Site unreachable at " + site, site, "north", hub, List.of(tenant),
        Map.of("chain", "transmission"), Instant.now(), List.of());
  }

  private static AlertResolved resolved(AlertFiring a) {
    return new AlertResolved(a.alertId(), a.fingerprint(), a.rule(), a.severity(), a.summary(),
        a.siteId(), a.affectedTenants(), a.startsAt(), Instant.now());
  }

  private static void publish(TopicFamily family, String tenant, Payload payload) {
    Envelope event = Envelope.of(EventIds.random(), tenant, "", Instant.now(), payload,
        Map.of("producer", "test"));
    feed.publish(family, tenant, tenant, event);
    feed.flush();
  }

  private static TopicReader reader(String tenant) {
    return new TopicReader(kafka.bootstrapServers(), Pattern.compile(Pattern.quote(
        TopicFamily.NOTIFICATION_DELIVERIES.topic(tenant))));
  }

  private static List<NotificationAttempted> outcomes(String tenant) {
    try (TopicReader reader = reader(tenant)) {
      reader.readFor(Duration.ofMillis(800));
      return reader.events("notification.attempted").stream()
          .map(e -> (NotificationAttempted) e.payload()).toList();
    }
  }

  private static List<NotificationSuppressed> suppressed(TopicReader reader) {
    return reader.events("notification.suppressed").stream()
        .map(e -> (NotificationSuppressed) e.payload()).toList();
  }

  private static HttpResponse<String> call(String method, String path, String tenant,
      String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + web.port() + "/api/v1/notifications" + path)).method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
