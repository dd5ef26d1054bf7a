package com.towerco.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.dashboard.domain.Fixtures;
import com.towerco.dashboard.domain.Queries;
import com.towerco.dashboard.domain.ReadQueries;
import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.Json;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertResolved;
import com.towerco.platform.access.Viewer;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.KafkaExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DashboardServiceIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Test authentication: {@code X-Tenant: opA} makes a tenant user, no header an operator. */
  private static final Authenticator BY_HEADER = ctx -> {
    String tenant = ctx.header("X-Tenant");
    return tenant == null ? Caller.operator("noc") : Caller.tenant("user-" + tenant, tenant);
  };

  private static ServiceContext context;
  private static EventPublisher publisher;
  private static DashboardService service;
  private static WebServer web;
  private static final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startDashboardOnAFleetAlreadyRunning() {
    context = kafka.context();
    publisher = context.outputs("it-publisher", "").publisher();
    publish(TopicFamily.INVENTORY, null, "S1",
        Fixtures.registered("S1", Fixtures.site("nairobi", "H1", "opA", "opB")));
    publish(TopicFamily.INVENTORY, null, "S2",
        Fixtures.registered("S2", Fixtures.site("mombasa", "H2", "opB")));
    publish(TopicFamily.SITE_EVENTS, "S1", "S1",
        Fixtures.reading("S1", Instant.now(), false, true, 97, "opA", "opB"));
    for (String tenant : List.of("opA", "opB")) {
      context.topics().ensure(TopicFamily.ALERT_NOTIFICATIONS, tenant);
    }
    publisher.flush();

    service = (DashboardService) new DashboardServiceFactory().create(context,
        ServiceSettings.empty().with("dashboard.stream.keep-alive", "PT1S")
            .with("dashboard.stream.max-per-user", "2"));
    service.start();
    web = WebServer.start(0, context.metrics(), service::isReady, BY_HEADER, List.of(service));
  }

  @AfterAll
  static void stop() {
    if (web != null) {
      web.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void servesTheFleetRebuiltFromTheTopicsCutToEachCaller() throws Exception {
    await().atMost(WAIT).until(() -> "on_generator".equals(
        site(get("/api/v1/sites", null).body(), "S1").path("status").asText()));
    JsonNode fleet = json(get("/api/v1/sites", null));
    assertThat(fleet.path("count").asInt()).isEqualTo(2);
    assertThat(site(fleet, "S1").path("battery_soc_pct").asDouble()).isEqualTo(97.0);
    assertThat(site(fleet, "S2").path("status").asText()).isEqualTo("unknown");

    JsonNode forA = json(get("/api/v1/sites", "opA"));
    assertThat(forA.path("sites")).hasSize(1);
    assertThat(forA.path("sites").get(0).path("tenancies").toString()).isEqualTo("[\"opA\"]");

    JsonNode detail = json(get("/api/v1/sites/S1", "opA"));
    assertThat(detail.path("power_chain").path("source").asText()).isEqualTo("generator");
    assertThat(detail.path("power_chain").path("feeds")).hasSize(1);
    assertThat(detail.path("series").path("site").path("battery_soc_pct").path("v").get(0)
        .asDouble()).isEqualTo(97.0);
    assertThat(get("/health/ready", null).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesWhatTheCallerMayNotSeeAndWhatItCannotAsk() throws Exception {
    await().atMost(WAIT).until(() -> get("/api/v1/sites/S2", null).statusCode() == 200);
    assertError(get("/api/v1/sites/S2", "opA"), 404, "site S2 not found");
    assertError(get("/api/v1/sites/NOPE", null), 404, "site NOPE not found");
    assertError(get("/api/v1/sites?tenant=opB", "opA"), 403, "tenant opB is not yours");
    assertError(get("/api/v1/sites?state=burning", null), 400, "state must be one of");
    assertError(get("/api/v1/alerts?colour=red", null), 400, "unknown query parameter");
    assertError(get("/api/v1/alerts?limit=0", null), 400, "limit must be");
    assertError(get("/api/v1/dashboard/incidents/no%20such", null), 400, "id must match");
    assertError(get("/api/v1/dashboard/incidents/I-404", null), 404, "incident I-404 not found");
  }

  @Test
  void pushesANewAlertLiveToTheCallersItAffectsAndResumesAfterAReconnect() throws Exception {
    String lastSeen;
    try (SseReader noc = stream(null, null); SseReader tenantA = stream("opA", null)) {
      noc.next(m -> m.event().equals("hello"), WAIT);
      tenantA.next(m -> m.event().equals("hello"), WAIT);

      publish(TopicFamily.ALERT_NOTIFICATIONS, "opB", "fp-B1", firing("B1", List.of("opB")));
      long sent = System.nanoTime();
      publish(TopicFamily.ALERT_NOTIFICATIONS, "opA", "fp-A1", firing("A1", List.of("opA")));

      SseReader.Message alert = noc.next(m -> m.event().equals("alert")
          && m.data().contains("\"A1\""), WAIT);
      long millis = (System.nanoTime() - sent) / 1_000_000;
      System.out.printf("alert published -> pushed to the page in %d ms%n", millis);
      assertThat(millis).isLessThan(5_000);
      // the tenant's first alert is its own: the other tenant's alert was not sent to it
      SseReader.Message forA = tenantA.next(m -> m.event().equals("alert"), WAIT);
      assertThat(forA.data()).contains("\"A1\"").doesNotContain("opB");
      assertThat(Long.parseLong(forA.id())).isLessThanOrEqualTo(Long.parseLong(alert.id()));
      lastSeen = alert.id();
    }

    // while the page is away, the alert resolves
    publish(TopicFamily.ALERT_NOTIFICATIONS, "opA", "fp-A1", new AlertResolved("A1", "fp-A1",
        "mains_failure", com.towerco.events.payload.alert.AlertSeverity.MAJOR, "Mains failure at S1",
        "S1", List.of("opA"), Instant.now(), Instant.now()));
    await().atMost(WAIT).until(() -> json(get("/api/v1/alerts?state=resolved", null))
        .path("count").asInt() == 1);

    try (SseReader resumed = stream(null, lastSeen)) {
      // B1 (another tenant's topic) may be read after A1: Kafka orders records within a
      // partition, not across topics, so the resumed stream may replay it first.
      SseReader.Message missed = resumed.next(m -> m.event().equals("alert")
          && m.data().contains("\"A1\""), WAIT);
      assertThat(missed.data()).contains("\"A1\"", "\"resolved\"");
      assertThat(Long.parseLong(missed.id())).isGreaterThan(Long.parseLong(lastSeen));
    }
    try (SseReader stale = stream(null, "1")) {
      assertThat(stale.next(m -> true, WAIT).event()).isEqualTo("reset");
    }
  }

  @Test
  void capsTheLiveStreamsOfOneUserAndFreesAPlaceWhenOneCloses() throws Exception {
    try (SseReader first = stream("opB", null); SseReader second = stream("opB", null)) {
      assertThat(first.next(m -> m.event().equals("hello"), WAIT)).isNotNull();
      assertThatThrownBy(() -> stream("opB", null)).hasMessageContaining("429");
      stream("opA", null).close(); // another user still gets one
      second.close();
      // the server notices a closed stream at its next write (a keep-alive every second)
      await().atMost(WAIT).ignoreExceptions().until(() -> {
        stream("opB", null).close();
        return true;
      });
    }
  }

  @Test
  void aDashboardStartedAfreshRebuildsTheSameViewFromTheTopics() {
    await().atMost(WAIT).until(() -> service.model().queries()
        .sites(Viewer.noc(), Queries.Sites.all()).count() == 2);
    DashboardService rebuilt = new DashboardService(context, DashboardSettings.from(
        ServiceSettings.empty().with("dashboard.group-id", "towerco-dashboard-rebuild")),
        Clock.systemUTC());
    rebuilt.start();
    try {
      await().atMost(WAIT).untilAsserted(() -> {
        ReadQueries original = service.model().queries();
        ReadQueries copy = rebuilt.model().queries();
        assertThat(copy.sites(Viewer.noc(), Queries.Sites.all()).sites())
            .isEqualTo(original.sites(Viewer.noc(), Queries.Sites.all()).sites());
        assertThat(copy.alerts(Viewer.noc(), Queries.Alerts.all()))
            .isEqualTo(original.alerts(Viewer.noc(), Queries.Alerts.all()));
        assertThat(copy.site(Viewer.noc(), "S1").orElseThrow().series().site())
            .containsOnlyKeys(original.site(Viewer.noc(), "S1").orElseThrow().series().site()
                .keySet());
      });
    } finally {
      rebuilt.close();
    }
  }

  @Test
  void servesThePageAndItsChartingLibraryFromTheClasspath() throws Exception {
    HttpResponse<String> page = get("/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
    assertThat(get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", null).body())
        .contains("uPlot");
    assertThat(get("/ui/app.js", null).statusCode()).isEqualTo(200);
    assertThat(get("/ui/app.css", null).statusCode()).isEqualTo(200);
    assertThat(get("/ui/nothing.js", null).statusCode()).isEqualTo(404);
    assertThat(get("/ui/..%2Fapp.js", null).statusCode()).isIn(400, 404);
  }

  @Test
  void reportsEachServicesThroughputLatencyLagAndDeadLettersToTheNocOnly() throws Exception {
    await().atMost(WAIT).until(() -> context.metrics().forService("dashboard").totalIn() > 0);
    JsonNode health = json(get("/api/v1/dashboard/platform-health", null));
    JsonNode dashboard = null;
    for (JsonNode s : health.path("services")) {
      if (s.path("service").asText().equals("dashboard")) {
        dashboard = s;
      }
    }
    assertThat(dashboard).isNotNull();
    assertThat(dashboard.path("events_in").asLong()).isPositive();
    assertThat(dashboard.fieldNames()).toIterable().contains("in_per_second",
        "latency_p50_seconds", "latency_p99_seconds", "consumer_lag", "dead_lettered");
    assertError(get("/api/v1/dashboard/platform-health", "opA"), 403, "forbidden");
  }

  private static Envelope firing(String alertId, List<String> tenants) {
    AlertFiring f = Fixtures.firing(alertId, "S1", tenants);
    return Envelope.of(EventIds.random(), tenants.get(0), "S1", Instant.now(),
        new AlertFiring(f.alertId(), f.fingerprint(), f.rule(), f.severity(), f.summary(),
            f.siteId(), f.region(), f.hubSiteId(), f.affectedTenants(), f.labels(),
            Instant.now(), f.evidenceEventIds()), Map.of());
  }

  private static void publish(TopicFamily family, String id, String key, Payload payload) {
    publish(family, id, key, Envelope.of(EventIds.random(), Fixtures.OPERATOR, "S1",
        Instant.now(), payload, Map.of()));
  }

  private static void publish(TopicFamily family, String id, String key, Envelope event) {
    if (id == null) {
      publisher.publish(family, key, event);
    } else {
      publisher.publish(family, id, key, event);
    }
    publisher.flush();
  }

  private static SseReader stream(String tenant, String lastEventId) throws Exception {
    Map<String, String> headers = new java.util.HashMap<>();
    if (tenant != null) {
      headers.put("X-Tenant", tenant);
    }
    if (lastEventId != null) {
      headers.put("Last-Event-ID", lastEventId);
    }
    return new SseReader(http, uri("/api/v1/stream"), headers);
  }

  private static HttpResponse<String> get(String path, String tenant) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(WAIT);
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://localhost:" + web.port() + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  private static JsonNode site(String fleetJson, String siteId) throws Exception {
    return site(Json.mapper().readTree(fleetJson), siteId);
  }

  private static JsonNode site(JsonNode fleet, String siteId) {
    for (JsonNode site : fleet.path("sites")) {
      if (site.path("site_id").asText().equals(siteId)) {
        return site;
      }
    }
    return Json.mapper().missingNode();
  }

  private static void assertError(HttpResponse<String> response, int status, String message)
      throws Exception {
    assertThat(response.statusCode()).as(response.uri() + " " + response.body())
        .isEqualTo(status);
    assertThat(json(response).path("error").asText()).contains(message);
  }
}
