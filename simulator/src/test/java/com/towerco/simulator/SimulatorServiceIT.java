package com.towerco.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Json;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.simulator.http.SimulatorRoutes;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulator as a platform service: paced into Kafka, with its report and fault API. */
class SimulatorServiceIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void runsPacedIntoKafkaServesItsReportAndTakesFaultsFromOperatorsOnly() throws Exception {
    ServiceContext context = kafka.context();
    Instant now = Instant.parse("2026-02-02T12:00:00Z");
    SimulatorService service = (SimulatorService) new SimulatorServiceFactory(
        Clock.fixed(now, ZoneOffset.UTC)).create(context, new ServiceSettings(Map.of(
            "simulator.sites", "4", "simulator.sites-per-hub", "4", "simulator.speed", "60",
            "simulator.faults", "door-open:S0002@0+10m")));
    PlatformMetrics metrics = kafka.closeAfterAll(new PlatformMetrics());
    WebServer web = kafka.closeAfterAll(WebServer.start(0, metrics, service::isReady,
        ctx -> "tenant".equals(ctx.header("X-Role")) ? Caller.tenant("t", "altel")
            : Caller.operator("noc"), List.of(service)));
    String base = "http://localhost:" + web.port();
    try {
      service.start();
      await().atMost(Duration.ofSeconds(30)).until(service::isReady);

      // the report is of the run so far: a fault is in it once simulated time reaches its start
      // (the first tick, for an offset of 0), which may come just after the service is ready
      await().atMost(Duration.ofSeconds(30)).until(() -> Json.mapper().readTree(
          get(base + SimulatorRoutes.REPORT, "operator").body()).path("faults").size() > 0);
      HttpResponse<String> report = get(base + SimulatorRoutes.REPORT, "operator");
      assertThat(report.statusCode()).isEqualTo(200);
      JsonNode json = Json.mapper().readTree(report.body());
      assertThat(json.get("start").asText()).isEqualTo("2026-02-02T12:00:00Z");
      assertThat(json.get("faults").get(0).get("spec").asText())
          .isEqualTo("door-open:S0002@0+10m");
      assertThat(get(base + SimulatorRoutes.REPORT + "?format=text", "operator").body())
          .startsWith("Simulation report (seed 42, 4 sites");
      assertThat(get(base + SimulatorRoutes.REPORT, "tenant").statusCode()).isEqualTo(403);

      HttpResponse<String> injected = post(base + SimulatorRoutes.FAULTS,
          "{\"spec\": \"mains-outage:S0003@0+5m\"}", "operator");
      assertThat(injected.statusCode()).isEqualTo(201);
      assertThat(Json.mapper().readTree(injected.body()).get("id").asText()).isEqualTo("F002");
      assertThat(post(base + SimulatorRoutes.FAULTS, "mains-outage:S0003", "operator").body())
          .contains("expected KIND:SITE@OFFSET[+DURATION]");
      assertThat(post(base + SimulatorRoutes.FAULTS, "mains-outage:S0003@0", "tenant")
          .statusCode()).isEqualTo(403);

      try (TopicReader reader = TopicReader.sites(kafka.bootstrapServers(), "S0003")) {
        reader.readUntil(records -> reader.events("site.alarm").stream()
            .anyMatch(e -> e.payloadAs(SiteAlarm.class).probableCause()
                == SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE), Duration.ofSeconds(30));
      }
    } finally {
      service.close();
    }
    assertThat(service.isFinished()).isTrue();
    assertThat(service.report().faults()).hasSize(2);
    assertThat(metrics.scrape()).isNotNull();
  }

  private HttpResponse<String> get(String url, String role) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Role", role).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String body, String role) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Role", role)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
