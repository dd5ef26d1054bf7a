package com.towerco.analytics;

import static com.towerco.analytics.TestEvents.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.analytics.http.AnalyticsRoutes;
import com.towerco.analytics.jdbc.AnalyticsQueries;
import com.towerco.analytics.jdbc.Database;
import com.towerco.analytics.jdbc.EventSink;
import com.towerco.analytics.jdbc.SlaQueries;
import com.towerco.events.Envelope;
import com.towerco.events.Json;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.metrics.PlatformMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query API over HTTP on the shared web server: every answer scoped to the caller (a
 * tenant user never sees another tenant's rows), clear 400s for bad parameters, CSV reports.
 */
class AnalyticsRoutesTest {
  static final Instant MARCH = Instant.parse("2025-03-01T00:00:00Z");
  static final String RANGE = "from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z";
  static TestDatabases databases;
  static Database database;
  static PlatformMetrics metrics;
  static WebServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    databases = TestDatabases.duckDb();
    database = databases.open();
    EventSink sink = new EventSink(database, "routes");
    List<Envelope> events = new ArrayList<>(List.of(
        TestEvents.registered("S1", "R1", Map.of("opA", 99.95, "opB", 99.0), MARCH),
        TestEvents.registered("S2", "R1", Map.of("opB", 99.0), MARCH)));
    for (int i = 0; i < 12; i++) {
      Instant start = MARCH.plus(Duration.ofMinutes(5L * i));
      events.add(TestEvents.kpi("S1", null, "R1", start, 5, 50, 50));
      events.add(TestEvents.kpi("S1", "opA", "R1", start, 5, i == 0 ? 0 : 100, 50));
      events.add(TestEvents.kpi("S1", "opB", "R1", start, 5, 20, 50));
      events.add(TestEvents.kpi("S2", "opB", "R1", start, 5, 20, 50));
    }
    sink.write(rows("t", 0, events.toArray(Envelope[]::new)), Map.of());
    metrics = new PlatformMetrics();
    AnalyticsRoutes routes = new AnalyticsRoutes(
        new AnalyticsQueries(database.dataSource(), TestEvents.OPERATOR),
        new SlaQueries(database.dataSource()), () -> Map.of("store", "duckdb"));
    server = WebServer.start(0, metrics, () -> true, ctx -> {
      String tenant = ctx.header("X-Tenant");
      return tenant == null ? Caller.operator("noc") : Caller.tenant("user", tenant);
    }, List.of(routes));
  }

  @AfterAll
  static void stop() {
    server.close();
    metrics.close();
    database.close();
    databases.close();
  }

  @Test
  void showsATenantOnlyItsOwnTenancyAtASite() throws Exception {
    JsonNode own = json(get("/kpi-history/sites/S1?kpi=power_availability_pct&bucket=1h&"
        + RANGE, "opA"));
    assertThat(own.get("tenant").asText()).isEqualTo("opA");
    assertThat(own.get("points").get(0).get("value").asDouble())
        .isCloseTo(100.0 * 11 / 12, org.assertj.core.data.Offset.offset(1e-9));
    JsonNode operator = json(get("/kpi-history/sites/S1?kpi=power_availability_pct&bucket=1h&"
        + RANGE, null));
    assertThat(operator.get("points").get(0).get("value").asDouble()).isEqualTo(50.0);
  }

  @Test
  void refusesATenantAnotherTenantsDataAndSitesWhereItHasNoTenancy() throws Exception {
    assertThat(get("/kpi-history/tenants/opB?kpi=power_availability_pct&bucket=1h&" + RANGE,
        "opA").statusCode()).isEqualTo(403);
    assertThat(get("/kpi-history/sites/S1?tenant=opB&kpi=power_availability_pct&bucket=1h&"
        + RANGE, "opA").statusCode()).isEqualTo(403);
    assertThat(get("/kpi-history/sites/S2?kpi=power_availability_pct&bucket=1h&" + RANGE,
        "opA").statusCode()).isEqualTo(404);
    assertThat(get("/sla-reports/opB/2025-03", "opA").statusCode()).isEqualTo(403);
    assertThat(get("/ingestion", "opA").statusCode()).isEqualTo(403);
    JsonNode top = json(get("/downtime/top-sites?" + RANGE, "opA"));
    assertThat(top.get("sites")).extracting(s -> s.get("site_id").asText())
        .containsExactly("S1");
  }

  @Test
  void answersBadParametersWithA400ThatSaysWhatIsWrong() throws Exception {
    assertError(get("/kpi-history/sites/S1?kpi=power_availability_pct&bucket=1h", null),
        "query parameter 'from' is required");
    assertError(get("/kpi-history/sites/S1?kpi=nope&bucket=1h&" + RANGE, null),
        "unknown kpi 'nope'");
    assertError(get("/kpi-history/sites/S1?kpi=power_availability_pct&bucket=5x&" + RANGE,
        null), "bucket must be a duration");
    assertError(get("/kpi-history/sites/S1?kpi=power_availability_pct&bucket=1s&" + RANGE,
        null), "at least 1 minute");
    assertError(get("/downtime/top-sites?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z",
        null), "to must be after from");
    assertError(get("/downtime/top-sites?limit=0&" + RANGE, null), "limit must be");
    assertError(get("/sla-reports/opA/2025-13", null), "month must be YYYY-MM");
    assertError(get("/reliability?group_by=site&" + RANGE, null), "group_by must be");
  }

  @Test
  void servesTheSlaReportAsJsonAndAsCsv() throws Exception {
    JsonNode report = json(get("/sla-reports/opB/2025-03", "opB"));
    assertThat(report.get("tenancies").asInt()).isEqualTo(2);
    assertThat(report.get("breached").asInt()).isEqualTo(2);
    HttpResponse<String> csv = get("/sla-reports/opB/2025-03?format=csv", "opB");
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).startsWith("month,tenant_id,site_id,region,target_pct,"
        + "availability_pct");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("2025-03,opB,S1,R1,99.0,20.0,");
  }

  static HttpResponse<String> get(String path, String tenant) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
        + server.port() + AnalyticsRoutes.BASE + path));
    if (tenant != null) {
      request.header("X-Tenant", tenant);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  static void assertError(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(message);
  }
}
