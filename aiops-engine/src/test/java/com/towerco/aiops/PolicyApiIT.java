package com.towerco.aiops;

import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.aiops.AlertPolicyChanged;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.HttpRoutes;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.runtime.PlatformService;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's policy API against a real engine on the in-process KRaft broker: a tenant login
 * gets 403, a policy that makes no sense gets 400 with its reason, a valid change is an
 * {@code aiops.policy-changed} event on {@code towerco.aiops.policy} and the running engine
 * applies it to the next readings (no restart); a maintenance window is NOC only too.
 */
class PolicyApiIT {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static ServiceContext context;
  private static PlatformService engine;
  private static WebServer web;

  @BeforeAll
  static void start() {
    context = kafka.context();
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register("PX1", aSite().inRegion("north").withTenant("altel").build(), T0);
      feeder.flush();
    }
    engine = new AiopsEngineServiceFactory().create(context, ServiceSettings.empty());
    engine.start();
    web = WebServer.start(0, context.metrics(), engine::isReady, ctx -> {
      String tenant = ctx.header("X-Tenant");
      return tenant == null ? Caller.operator("noc-jane") : Caller.tenant("user", tenant);
    }, List.of((HttpRoutes) engine));
    await().atMost(Duration.ofSeconds(90)).until(engine::isReady);
  }

  @AfterAll
  static void stop() {
    web.close();
    engine.close();
  }

  @Test
  void aTenantLoginMayNeitherReadNorChangeThePolicy() throws Exception {
    assertThat(call("GET", "/policy", "altel", null).statusCode()).isEqualTo(403);
    assertThat(call("PUT", "/policy/high-temperature", "altel",
        "{\"scope\":\"fleet\",\"on\":30}").statusCode()).isEqualTo(403);
    assertThat(call("POST", "/maintenance-windows", "altel", "{\"sites\":[\"PX1\"],"
        + "\"from\":\"2026-11-27T10:00:00Z\",\"until\":\"2026-11-27T11:00:00Z\","
        + "\"reason\":\"x\"}").statusCode()).isEqualTo(403);
  }

  @Test
  void aMaintenanceWindowIsRecordedOnTheSitesTopic() throws Exception {
    HttpResponse<String> declared = call("POST", "/maintenance-windows", null,
        "{\"sites\":[\"PX1\"],\"from\":\"2026-11-27T12:00:00Z\","
            + "\"until\":\"2026-11-27T14:00:00Z\",\"reason\":\"rectifier swap\"}");
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    assertThat(call("POST", "/maintenance-windows", null, "{\"sites\":[\"PX1\"],"
        + "\"from\":\"2026-11-27T14:00:00Z\",\"until\":\"2026-11-27T12:00:00Z\","
        + "\"reason\":\"x\"}").statusCode()).isEqualTo(400);
    assertThat(call("POST", "/maintenance-windows", null, "{\"sites\":[\"NOPE\"],"
        + "\"from\":\"2026-11-27T12:00:00Z\",\"until\":\"2026-11-27T14:00:00Z\","
        + "\"reason\":\"x\"}").body()).contains("unknown site");
    try (TopicReader site = TopicReader.sites(kafka.bootstrapServers(), "PX1")) {
      site.readUntil(seen -> !site.events("site.maintenance-window").isEmpty(),
          Duration.ofSeconds(30));
      var window = (com.towerco.events.payload.site.SiteMaintenanceWindow) site
          .events("site.maintenance-window").get(0).payload();
      assertThat(window.declaredBy()).isEqualTo("noc-jane");
      assertThat(window.reason()).isEqualTo("rectifier swap");
    }
  }

  @Test
  void aPolicyThatMakesNoSenseIsRefusedWithItsReason() throws Exception {
    HttpResponse<String> hysteresis = call("PUT", "/policy/high-temperature", null,
        "{\"scope\":\"region\",\"scope_value\":\"north\",\"on\":40,\"off\":44}");
    assertThat(hysteresis.statusCode()).isEqualTo(400);
    assertThat(hysteresis.body()).contains("off must be below on");
    HttpResponse<String> physics = call("PUT", "/policy/battery-low", null,
        "{\"scope\":\"fleet\",\"on\":130,\"off\":140,\"extreme\":10}");
    assertThat(physics.statusCode()).isEqualTo(400);
    assertThat(physics.body()).contains("outside");
    assertThat(call("PUT", "/policy/door-open", null, "{\"scope\":\"fleet\"}").body())
        .contains("has no thresholds");
    assertThat(call("PUT", "/policy/high-temperature", null,
        "{\"scope\":\"site-class\",\"scope_value\":\"tower\",\"on\":40,\"off\":38}").body())
        .contains("not hub or site");
  }

  @Test
  void aChangeIsAnAuditEventAndTheRunningEngineAppliesIt() throws Exception {
    HttpResponse<String> changed = call("PUT", "/policy/high-temperature", null,
        "{\"scope\":\"region\",\"scope_value\":\"north\",\"on\":30,\"off\":28,\"persist\":2,"
            + "\"persist_for_s\":0,\"extreme\":60,\"severity\":\"minor\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(call("GET", "/policy", null, null).body()).contains("\"scope_value\":\"north\"");

    try (TopicReader audit = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(TopicFamily.AIOPS_POLICY.topic())))) {
      audit.readUntil(seen -> !seen.isEmpty(), Duration.ofSeconds(30));
      AlertPolicyChanged event = (AlertPolicyChanged) audit.events("aiops.policy-changed")
          .get(0).payload();
      assertThat(event.changedBy()).isEqualTo("noc-jane");
      assertThat(event.rule()).isEqualTo("high-temperature");
      assertThat(event.on()).isEqualTo(30.0);
    }

    // 35 °C is no alert under the configured 45 °C, but is under the region's new 30 °C
    try (EventFeeder feeder = new EventFeeder(context);
        TopicReader alerts = new TopicReader(kafka.bootstrapServers(), Pattern.compile(
            Pattern.quote(TopicFamily.ALERT_NOTIFICATIONS.topic("towerco"))))) {
      for (int s = 0; s < 60; s += 15) {
        feeder.site("PX1", T0.plusSeconds(s), aReading().cabinetTemp(35).build());
      }
      feeder.flush();
      alerts.readUntil(seen -> alerts.events("alert.firing").stream()
          .anyMatch(e -> ((AlertFiring) e.payload()).rule().equals("high-temperature")),
          Duration.ofSeconds(60));
      AlertFiring hot = alerts.events("alert.firing").stream().map(Envelope::payload)
          .map(AlertFiring.class::cast).filter(a -> a.rule().equals("high-temperature"))
          .findFirst().orElseThrow();
      assertThat(hot.siteId()).isEqualTo("PX1");
      assertThat(hot.severity()).isEqualTo(AlertSeverity.MINOR);
    }
  }

  private static HttpResponse<String> call(String method, String path, String tenant,
      String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + web.port() + "/api/v1/aiops" + path)).method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
