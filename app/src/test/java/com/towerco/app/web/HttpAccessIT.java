package com.towerco.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.app.http.ApiDocs;
import com.towerco.platform.http.WebServer;
import com.towerco.testing.KafkaExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every endpoint of a process running every service, against every role: nobody, the NOC
 * operator, and a tenant user (altel) asking for its own things and for another tenant's
 * (kora's). The routes come from the server itself, so an endpoint added without an entry in
 * {@link #PROBES} fails the test; and everything altel is shown is searched for kora's name and
 * kora-only sites.
 */
class HttpAccessIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static RunningPlatform platform;
  private static Fixture fixture;

  /** Who may call a route. */
  enum Policy {
    /** Anyone, without logging in. */
    PUBLIC,
    /** Any logged-in user; a tenant's answer is cut to its own data. */
    USER,
    /** Any logged-in user, on a resource that belongs to a tenant: another's is refused. */
    SCOPED,
    /** NOC operators only: a tenant user gets 403. */
    OPERATOR
  }

  /** The concrete values a probe puts in a path. */
  record Fixture(String ownSite, String foreignSite, String ownRegion, String ownIncident,
      String foreignIncident, String month, String range) {}

  /** How one route is called: the path for the tenant's own thing and for another's. */
  record Probe(String method, String route, Policy policy, Function<Fixture, String> own,
      Function<Fixture, String> foreign, String body) {}

  private static final String HISTORY = "?kpi=power_availability_pct&bucket=1h&";
  private static final List<Probe> PROBES = List.of(
      pub("GET", "/health/live"), pub("GET", "/health/ready"), pub("GET", "/metrics"),
      pub("GET", "/login"), new Probe("GET", "/login/assets/{file}", Policy.PUBLIC,
          f -> "/login/assets/login.js", null, null),
      new Probe("POST", "/api/v1/auth/login", Policy.PUBLIC, f -> "/api/v1/auth/login", null,
          "{}"),
      new Probe("POST", "/api/v1/auth/logout", Policy.PUBLIC, f -> "/api/v1/auth/logout", null,
          ""),
      user("GET", "/api/v1/auth/me"),
      user("GET", "/api/openapi.json"), user("GET", "/api/docs"),
      new Probe("GET", "/api/docs/{file}", Policy.USER, f -> "/api/docs/swagger-ui.css", null,
          null),
      user("GET", "/"),
      new Probe("GET", "/ui/<path>", Policy.USER, f -> "/ui/app.js", null, null),
      new Probe("GET", "/webjars/<path>", Policy.USER,
          f -> "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", null, null),
      // dashboard
      scoped("GET", "/api/v1/sites", f -> "/api/v1/sites?tenant=altel",
          f -> "/api/v1/sites?tenant=kora"),
      scoped("GET", "/api/v1/sites/{id}", f -> "/api/v1/sites/" + f.ownSite(),
          f -> "/api/v1/sites/" + f.foreignSite()),
      user("GET", "/api/v1/facets"),
      scoped("GET", "/api/v1/kpis", f -> "/api/v1/kpis?tenant=altel",
          f -> "/api/v1/kpis?tenant=kora"),
      scoped("GET", "/api/v1/alerts", f -> "/api/v1/alerts?tenant=altel",
          f -> "/api/v1/alerts?tenant=kora"),
      scoped("GET", "/api/v1/dashboard/incidents", f -> "/api/v1/dashboard/incidents?tenant=altel",
          f -> "/api/v1/dashboard/incidents?tenant=kora"),
      scoped("GET", "/api/v1/dashboard/incidents/{id}",
          f -> "/api/v1/dashboard/incidents/" + f.ownIncident(),
          f -> "/api/v1/dashboard/incidents/" + f.foreignIncident()),
      operator("GET", "/api/v1/dashboard/platform-health", f -> "/api/v1/dashboard/platform-health", null),
      user("GET", "/api/v1/stream"),
      // incident management
      user("GET", "/api/v1/incidents"),
      scoped("GET", "/api/v1/incidents/{id}", f -> "/api/v1/incidents/" + f.ownIncident(),
          f -> "/api/v1/incidents/" + f.foreignIncident()),
      scoped("GET", "/api/v1/incidents/{id}/events",
          f -> "/api/v1/incidents/" + f.ownIncident() + "/events",
          f -> "/api/v1/incidents/" + f.foreignIncident() + "/events"),
      incidentCommand("/acknowledge"), incidentCommand("/assign"), incidentCommand("/notes"),
      incidentCommand("/resolve"), incidentCommand("/close"), incidentCommand("/reopen"),
      incidentCommand("/dispatches"), incidentCommand("/dispatches/{dispatch}/technician"),
      incidentCommand("/dispatches/{dispatch}/arrival"),
      incidentCommand("/dispatches/{dispatch}/work-done"),
      incidentCommand("/dispatches/{dispatch}/verify"),
      incidentCommand("/dispatches/{dispatch}/cancel"),
      operator("GET", "/api/v1/optimizations", f -> "/api/v1/optimizations", null),
      operator("GET", "/api/v1/optimizations/{id}", f -> "/api/v1/optimizations/opt-none", null),
      operator("POST", "/api/v1/optimizations/{id}/approve",
          f -> "/api/v1/optimizations/opt-none/approve", "{\"expected_version\":0}"),
      operator("POST", "/api/v1/optimizations/{id}/reject",
          f -> "/api/v1/optimizations/opt-none/reject", "{\"expected_version\":0}"),
      operator("POST", "/api/v1/optimizations/{id}/apply",
          f -> "/api/v1/optimizations/opt-none/apply", "{\"expected_version\":0}"),
      operator("POST", "/api/v1/optimizations/{id}/roll-back",
          f -> "/api/v1/optimizations/opt-none/roll-back", "{\"expected_version\":0}"),
      operator("GET", "/api/v1/refuels", f -> "/api/v1/refuels", null),
      operator("GET", "/api/v1/refuels/{id}", f -> "/api/v1/refuels/ref-none", null),
      operator("POST", "/api/v1/refuels/{id}/deliveries",
          f -> "/api/v1/refuels/ref-none/deliveries", "{\"expected_version\":0}"),
      scoped("GET", "/api/v1/sla/{tenant}", f -> "/api/v1/sla/altel?month=" + f.month(),
          f -> "/api/v1/sla/kora?month=" + f.month()),
      // analytics
      scoped("GET", "/api/v1/analytics/kpi-history/sites/{siteId}",
          f -> "/api/v1/analytics/kpi-history/sites/" + f.ownSite() + HISTORY + f.range(),
          f -> "/api/v1/analytics/kpi-history/sites/" + f.foreignSite() + HISTORY + f.range()),
      scoped("GET", "/api/v1/analytics/kpi-history/tenants/{tenantId}",
          f -> "/api/v1/analytics/kpi-history/tenants/altel" + HISTORY + f.range(),
          f -> "/api/v1/analytics/kpi-history/tenants/kora" + HISTORY + f.range()),
      scoped("GET", "/api/v1/analytics/kpi-history/regions/{region}",
          f -> "/api/v1/analytics/kpi-history/regions/" + f.ownRegion() + HISTORY + f.range(),
          f -> "/api/v1/analytics/kpi-history/regions/" + f.ownRegion() + HISTORY + f.range()
              + "&tenant=kora"),
      scoped("GET", "/api/v1/analytics/downtime/top-sites",
          f -> "/api/v1/analytics/downtime/top-sites?" + f.range(),
          f -> "/api/v1/analytics/downtime/top-sites?tenant=kora&" + f.range()),
      scoped("GET", "/api/v1/analytics/reliability",
          f -> "/api/v1/analytics/reliability?" + f.range(),
          f -> "/api/v1/analytics/reliability?tenant=kora&" + f.range()),
      new Probe("GET", "/api/v1/analytics/alarms/by-probable-cause", Policy.USER,
          f -> "/api/v1/analytics/alarms/by-probable-cause?site=" + f.foreignSite() + "&"
              + f.range(), null, null),
      scoped("GET", "/api/v1/analytics/sla-reports/{tenantId}/{month}",
          f -> "/api/v1/analytics/sla-reports/altel/" + f.month(),
          f -> "/api/v1/analytics/sla-reports/kora/" + f.month()),
      operator("GET", "/api/v1/analytics/ingestion", f -> "/api/v1/analytics/ingestion", null),
      // notifications: a tenant user works on its own tenant only
      scoped("GET", "/api/v1/notifications/routing", f -> "/api/v1/notifications/routing",
          f -> "/api/v1/notifications/routing?tenant=kora"),
      new Probe("PUT", "/api/v1/notifications/routing", Policy.SCOPED,
          f -> "/api/v1/notifications/routing", f -> "/api/v1/notifications/routing?tenant=kora",
          "{\"no\": \"such field\"}"),
      scoped("GET", "/api/v1/notifications/silences", f -> "/api/v1/notifications/silences",
          f -> "/api/v1/notifications/silences?tenant=kora"),
      new Probe("POST", "/api/v1/notifications/silences", Policy.SCOPED,
          f -> "/api/v1/notifications/silences", f -> "/api/v1/notifications/silences?tenant=kora",
          "{\"duration\": \"PT0S\"}"),
      new Probe("GET", "/api/v1/notifications/silences/{id}", Policy.SCOPED,
          f -> "/api/v1/notifications/silences/s-none",
          f -> "/api/v1/notifications/silences/s-none?tenant=kora", null),
      new Probe("DELETE", "/api/v1/notifications/silences/{id}", Policy.SCOPED,
          f -> "/api/v1/notifications/silences/s-none",
          f -> "/api/v1/notifications/silences/s-none?tenant=kora", null),
      // simulator: the ground truth of every tenant
      operator("GET", "/api/v1/simulator/report", f -> "/api/v1/simulator/report", null),
      operator("POST", "/api/v1/simulator/faults", f -> "/api/v1/simulator/faults",
          "not-a-fault"));

  @BeforeAll
  static void startThePlatformWithAnIncidentAtEachTenantsOwnSite() {
    platform = RunningPlatform.start(kafka, kafka.dataDir().resolve("platform"), Map.of());
    for (String site : List.of(platform.ownSite, platform.foreignSite)) {
      ApiClient.Response injected = platform.noc.send("POST", "/api/v1/simulator/faults",
          "door-open:" + site + "@0+10m");
      assertThat(injected.status()).as(injected.toString()).isEqualTo(201);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    fixture = new Fixture(platform.ownSite, platform.foreignSite, platform.ownRegion,
        platform.awaitIncidentAt(platform.ownSite),
        platform.awaitIncidentAt(platform.foreignSite),
        YearMonth.now(ZoneOffset.UTC).toString(),
        "from=" + now.minus(Duration.ofDays(1)) + "&to=" + now.plus(Duration.ofHours(1)));
    // each tenant's copy of its incident arrives on its own topic a little after the NOC's
    await().atMost(Duration.ofSeconds(60)).until(() ->
        platform.altel.get("/api/v1/incidents/" + fixture.ownIncident()).status() == 200
            && platform.kora.get("/api/v1/incidents/" + fixture.foreignIncident()).status() == 200
            && platform.altel.get("/api/v1/dashboard/incidents/" + fixture.ownIncident())
                .status() == 200);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void everyRegisteredRouteHasAnAccessRuleAndAnOpenApiDescription() {
    Set<String> registered = platform.process.routes().stream()
        .map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> probed = PROBES.stream().map(p -> p.method() + " " + p.route())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(registered).as("routes without an access rule in PROBES")
        .isSubsetOf(probed);
    assertThat(probed).as("access rules for routes that no longer exist")
        .isSubsetOf(registered);

    Set<String> documented = new TreeSet<>();
    JsonNode paths = ApiDocs.load().get("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue().fieldNames().forEachRemaining(method ->
          documented.add(method.toUpperCase() + " " + path.getKey()));
    }
    Set<String> served = platform.process.routes().stream()
        .map(r -> r.method() + " " + ApiDocs.openApiPath(r.path()))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(documented).as("OpenAPI paths against the registered routes")
        .isEqualTo(served);
    JsonNode servedDoc = platform.noc.get(ApiDocs.JSON).json();
    assertThat(servedDoc.path("paths").size()).isEqualTo(paths.size());
  }

  @Test
  void everyEndpointAnswersEachRoleAsItsRuleSaysAndNothingOfAnotherTenantLeaks() {
    List<String> failures = new ArrayList<>();
    for (Probe probe : PROBES) {
      if (probe.route().equals("/api/v1/stream")) {
        continue; // a stream never ends: see the stream test
      }
      String own = probe.own() == null ? probe.route() : probe.own().apply(fixture);
      String foreign = probe.foreign() == null ? null : probe.foreign().apply(fixture);
      // a GET of a made-up id ("...-none") may be 404; every other GET must answer
      boolean read = probe.method().equals("GET") && !own.contains("-none");

      check(failures, probe, platform.anonymous, own, probe.policy() == Policy.PUBLIC
          ? Expect.NOT_UNAUTHORIZED : Expect.UNAUTHORIZED);
      check(failures, probe, platform.noc, own, read ? Expect.OK : Expect.ALLOWED);
      if (foreign != null) {
        check(failures, probe, platform.noc, foreign, read ? Expect.OK : Expect.ALLOWED);
      }
      switch (probe.policy()) {
        case PUBLIC -> check(failures, probe, platform.altel, own, Expect.NOT_UNAUTHORIZED);
        case USER -> check(failures, probe, platform.altel, own,
            read ? Expect.OK : Expect.ALLOWED);
        case SCOPED -> {
          check(failures, probe, platform.altel, own, read ? Expect.OK : Expect.ALLOWED);
          check(failures, probe, platform.altel, foreign, Expect.REFUSED);
        }
        case OPERATOR -> check(failures, probe, platform.altel, own, Expect.FORBIDDEN);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void aTenantsLiveStreamCarriesNothingOfAnotherTenant() {
    assertThat(platform.anonymous.stream("/api/v1/stream", Duration.ofSeconds(1)).status())
        .isEqualTo(401);
    ApiClient.Response altel = platform.altel.stream("/api/v1/stream", Duration.ofSeconds(4));
    assertThat(altel.status()).isEqualTo(200);
    assertThat(altel.body()).contains("event: hello").contains("event: site");
    assertThat(leaks(altel.body())).isEmpty();
    ApiClient.Response noc = platform.noc.stream("/api/v1/stream", Duration.ofSeconds(4));
    assertThat(noc.body()).contains(fixture.foreignSite());
  }

  @Test
  void aTenantUserSeesItsOwnIncidentButNotAnotherTenants() {
    String own = platform.altel.get("/api/v1/incidents").body();
    assertThat(own).contains(fixture.ownIncident()).doesNotContain(fixture.foreignIncident());
    assertThat(platform.kora.get("/api/v1/incidents").body())
        .contains(fixture.foreignIncident()).doesNotContain(fixture.ownIncident());
    assertThat(platform.altel.get("/api/v1/sites").json().path("sites").toString())
        .contains(fixture.ownSite()).doesNotContain(fixture.foreignSite());
  }

  @Test
  void theApiDescriptionAndSwaggerUiAreServed() {
    JsonNode doc = platform.noc.get(ApiDocs.JSON).json();
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    assertThat(doc.at("/paths/~1api~1v1~1incidents~1{id}~1acknowledge/post/responses/409")
        .isMissingNode()).isFalse();
    assertThat(platform.noc.get("/api/docs").body()).contains("swagger-ui-bundle.js");
    assertThat(platform.noc.get("/api/docs/swagger-ui-bundle.js").status()).isEqualTo(200);
    assertThat(platform.noc.get("/api/docs/../../etc/passwd").status()).isIn(400, 404);
  }

  /** What a response must be. */
  enum Expect {
    UNAUTHORIZED, NOT_UNAUTHORIZED, OK, ALLOWED, FORBIDDEN, REFUSED;

    boolean accepts(int status) {
      return switch (this) {
        case UNAUTHORIZED -> status == 401;
        case NOT_UNAUTHORIZED -> status != 401 && status < 500;
        case OK -> status == 200;
        case ALLOWED -> status != 401 && status != 403 && status < 500;
        case FORBIDDEN -> status == 403;
        case REFUSED -> status == 403 || status == 404;
      };
    }
  }

  private static void check(List<String> failures, Probe probe, ApiClient who, String path,
      Expect expect) {
    ApiClient.Response r = who.send(probe.method(), path, probe.body());
    String where = probe.method() + " " + path + " as " + who.name + ": ";
    if (!expect.accepts(r.status())) {
      failures.add(where + "expected " + expect + ", got " + r);
    }
    if (r.status() >= 400 && !r.body().startsWith("{\"error\":")) {
      failures.add(where + "an error must be {\"error\": ...}, got " + r);
    }
    if (Pattern.compile("Exception|\\tat |java\\.|com\\.towerco").matcher(
        r.status() >= 400 ? r.body() : "").find()) {
      failures.add(where + "the error tells internals: " + r);
    }
    if (who == platform.altel && !path.equals("/metrics")) {
      // what the caller named itself may be echoed back ("site S9 not found")
      List<String> leaks = leaks(r.body()).stream().filter(s -> !path.contains(s)).toList();
      if (!leaks.isEmpty()) {
        failures.add(where + "shows another tenant's " + leaks + ": " + r);
      }
    }
  }

  /** Kora's name or kora-only sites in what altel was shown. */
  private static List<String> leaks(String body) {
    List<String> found = new ArrayList<>();
    for (String secret : List.of(RunningPlatform.FOREIGN, fixture.foreignSite(),
        fixture.foreignIncident())) {
      if (Pattern.compile("\\b" + Pattern.quote(secret) + "\\b").matcher(body).find()) {
        found.add(secret);
      }
    }
    return found;
  }

  private static Probe pub(String method, String route) {
    return new Probe(method, route, Policy.PUBLIC, f -> route, null, null);
  }

  private static Probe user(String method, String route) {
    return new Probe(method, route, Policy.USER, f -> route, null, null);
  }

  private static Probe scoped(String method, String route, Function<Fixture, String> own,
      Function<Fixture, String> foreign) {
    return new Probe(method, route, Policy.SCOPED, own, foreign, null);
  }

  private static Probe operator(String method, String route, Function<Fixture, String> path,
      String body) {
    return new Probe(method, route, Policy.OPERATOR, path, null, body);
  }

  private static Probe incidentCommand(String suffix) {
    String route = "/api/v1/incidents/{id}" + suffix;
    return new Probe("POST", route, Policy.OPERATOR,
        f -> route.replace("{id}", f.ownIncident()).replace("{dispatch}", "d-none"), null,
        "{\"expected_version\":0}");
  }
}
