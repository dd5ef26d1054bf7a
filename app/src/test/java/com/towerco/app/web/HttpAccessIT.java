package com.towerco.app.web;

import static com.towerco.app.web.RunningPlatform.FOREIGN;
import static com.towerco.app.web.RunningPlatform.OWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.app.http.ApiDocs;
import com.towerco.dashboard.http.LiveStream;
import com.towerco.events.payload.notification.NotificationAttempted;
import com.towerco.platform.http.auth.TokenAuthenticator;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every endpoint of a process running every service, against every role: nobody, the NOC
 * operator, and each tenant user (altel, kora) asking for its own things and for the other's.
 * The routes come from the server itself and must equal the OpenAPI description's, so an
 * endpoint added without an entry in {@link #PROBES} fails the test. {@link Canaries} seeds what
 * each tenant must never see (the other's sites, alerts, incidents, causes, dispatches, routing
 * and silences; the NOC's internal notes and refused commands); every answer, export and the
 * live stream is searched for them.
 */
class HttpAccessIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static RunningPlatform platform;
  private static Canaries canaries;
  private static Map<String, Fixture> fixtures;
  private static Map<String, ApiClient.Response> streams;

  /** Who may call a route. */
  enum Policy {
    /** Anyone, without logging in. */
    PUBLIC,
    /** Any logged-in user; a tenant's answer is cut to its own data. */
    USER,
    /** Any logged-in user, on a resource that belongs to a tenant: another's is refused. */
    SCOPED,
    /** NOC operators only: a tenant user gets 403. */
    OPERATOR,
    /** Gateways with an API key only: a user's session is not a key, so everyone gets 401. */
    GATEWAY
  }

  /** The concrete values a probe puts in a path, for one tenant user. */
  record Fixture(String tenant, String other, String ownSite, String foreignSite,
      String ownRegion, String ownIncident, String foreignIncident, String month, String range) {}

  /** How one route is called: the path for the tenant's own thing and for another's. */
  record Probe(String method, String route, Policy policy, Function<Fixture, String> own,
      Function<Fixture, String> foreign, String body) {}

  /** Routes that serve the same files to every caller: no tenant's data can be in them. */
  private static final Set<String> STATIC = Set.of("/login", "/login/assets/{file}",
      "/api/openapi.json", "/api/docs", "/api/docs/{file}", "/", "/ui/<path>",
      "/webjars/<path>");

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
      scoped("GET", "/api/v1/sites", f -> "/api/v1/sites?tenant=" + f.tenant(),
          f -> "/api/v1/sites?tenant=" + f.other()),
      scoped("GET", "/api/v1/sites/{id}", f -> "/api/v1/sites/" + f.ownSite(),
          f -> "/api/v1/sites/" + f.foreignSite()),
      user("GET", "/api/v1/facets"),
      scoped("GET", "/api/v1/fleet", f -> "/api/v1/fleet?tenant=" + f.tenant(),
          f -> "/api/v1/fleet?tenant=" + f.other()),
      scoped("GET", "/api/v1/kpis", f -> "/api/v1/kpis?tenant=" + f.tenant(),
          f -> "/api/v1/kpis?tenant=" + f.other()),
      scoped("GET", "/api/v1/alerts", f -> "/api/v1/alerts?tenant=" + f.tenant(),
          f -> "/api/v1/alerts?tenant=" + f.other()),
      scoped("GET", "/api/v1/dashboard/incidents", f -> "/api/v1/dashboard/incidents?tenant=" + f.tenant(),
          f -> "/api/v1/dashboard/incidents?tenant=" + f.other()),
      scoped("GET", "/api/v1/dashboard/incidents/{id}",
          f -> "/api/v1/dashboard/incidents/" + f.ownIncident(),
          f -> "/api/v1/dashboard/incidents/" + f.foreignIncident()),
      operator("GET", "/api/v1/dashboard/platform-health", f -> "/api/v1/dashboard/platform-health", null),
      operator("GET", "/api/v1/dashboard/platform-processes", f -> "/api/v1/dashboard/platform-processes", null),
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
      scoped("GET", "/api/v1/sla/{tenant}", f -> "/api/v1/sla/" + f.tenant() + "?month=" + f.month(),
          f -> "/api/v1/sla/" + f.other() + "?month=" + f.month()),
      // analytics
      scoped("GET", "/api/v1/analytics/kpi-history/sites/{siteId}",
          f -> "/api/v1/analytics/kpi-history/sites/" + f.ownSite() + HISTORY + f.range(),
          f -> "/api/v1/analytics/kpi-history/sites/" + f.foreignSite() + HISTORY + f.range()),
      scoped("GET", "/api/v1/analytics/kpi-history/tenants/{tenantId}",
          f -> "/api/v1/analytics/kpi-history/tenants/" + f.tenant() + HISTORY + f.range(),
          f -> "/api/v1/analytics/kpi-history/tenants/" + f.other() + HISTORY + f.range()),
      scoped("GET", "/api/v1/analytics/kpi-history/regions/{region}",
          f -> "/api/v1/analytics/kpi-history/regions/" + f.ownRegion() + HISTORY + f.range(),
          f -> "/api/v1/analytics/kpi-history/regions/" + f.ownRegion() + HISTORY + f.range()
              + "&tenant=" + f.other()),
      scoped("GET", "/api/v1/analytics/downtime/top-sites",
          f -> "/api/v1/analytics/downtime/top-sites?" + f.range(),
          f -> "/api/v1/analytics/downtime/top-sites?tenant=" + f.other() + "&" + f.range()),
      scoped("GET", "/api/v1/analytics/reliability",
          f -> "/api/v1/analytics/reliability?" + f.range(),
          f -> "/api/v1/analytics/reliability?tenant=" + f.other() + "&" + f.range()),
      new Probe("GET", "/api/v1/analytics/alarms/by-probable-cause", Policy.USER,
          f -> "/api/v1/analytics/alarms/by-probable-cause?site=" + f.foreignSite() + "&"
              + f.range(), null, null),
      scoped("GET", "/api/v1/analytics/sla-reports/{tenantId}/{month}",
          f -> "/api/v1/analytics/sla-reports/" + f.tenant() + "/" + f.month(),
          f -> "/api/v1/analytics/sla-reports/" + f.other() + "/" + f.month()),
      operator("GET", "/api/v1/analytics/ingestion", f -> "/api/v1/analytics/ingestion", null),
      // dead letters: what failed and why is the operator's internal data
      operator("GET", "/api/v1/dlq/summary", f -> "/api/v1/dlq/summary", null),
      // notifications: a tenant user works on its own tenant only
      scoped("GET", "/api/v1/notifications/routing", f -> "/api/v1/notifications/routing",
          f -> "/api/v1/notifications/routing?tenant=" + f.other()),
      new Probe("PUT", "/api/v1/notifications/routing", Policy.SCOPED,
          f -> "/api/v1/notifications/routing",
          f -> "/api/v1/notifications/routing?tenant=" + f.other(),
          "{\"no\": \"such field\"}"),
      scoped("GET", "/api/v1/notifications/silences", f -> "/api/v1/notifications/silences",
          f -> "/api/v1/notifications/silences?tenant=" + f.other()),
      new Probe("POST", "/api/v1/notifications/silences", Policy.SCOPED,
          f -> "/api/v1/notifications/silences",
          f -> "/api/v1/notifications/silences?tenant=" + f.other(),
          "{\"duration\": \"PT0S\"}"),
      new Probe("GET", "/api/v1/notifications/silences/{id}", Policy.SCOPED,
          f -> "/api/v1/notifications/silences/s-none",
          f -> "/api/v1/notifications/silences/s-none?tenant=" + f.other(), null),
      new Probe("DELETE", "/api/v1/notifications/silences/{id}", Policy.SCOPED,
          f -> "/api/v1/notifications/silences/s-none",
          f -> "/api/v1/notifications/silences/s-none?tenant=" + f.other(), null),
      // ingest: site gateways with their API keys, never a user's session
      new Probe("POST", "/api/v1/ingest/events", Policy.GATEWAY,
          f -> "/api/v1/ingest/events", null, "[]"),
      // inventory: every tenant's tenancies, the NOC's to change
      operator("POST", "/api/v1/inventory/sites", f -> "/api/v1/inventory/sites",
          "not,a,sheet"),
      operator("DELETE", "/api/v1/inventory/sites/{id}", f -> "/api/v1/inventory/sites/-none",
          null),
      // aiops policy, maintenance windows and visits: the NOC's (invalid bodies: nothing changes)
      operator("GET", "/api/v1/aiops/policy", f -> "/api/v1/aiops/policy", null),
      operator("PUT", "/api/v1/aiops/policy/{rule}", f -> "/api/v1/aiops/policy/high-temperature",
          "{}"),
      operator("POST", "/api/v1/aiops/maintenance-windows",
          f -> "/api/v1/aiops/maintenance-windows", "{}"),
      operator("POST", "/api/v1/aiops/visits", f -> "/api/v1/aiops/visits", "{}"),
      // simulator: the ground truth of every tenant
      operator("GET", "/api/v1/simulator/report", f -> "/api/v1/simulator/report", null),
      operator("POST", "/api/v1/simulator/faults", f -> "/api/v1/simulator/faults",
          "not-a-fault"));

  @BeforeAll
  static void startThePlatformSeedCanariesAndWatchEveryRolesLiveStream() throws Exception {
    platform = RunningPlatform.start(kafka, kafka.dataDir().resolve("platform"), Map.of());
    ServiceContext context = kafka.context();
    for (String site : List.of(platform.ownSite, platform.foreignSite)) {
      ApiClient.Response injected = platform.noc.send("POST", "/api/v1/simulator/faults",
          "door-open:" + site + "@0+10m");
      assertThat(injected.status()).as(injected.toString()).isEqualTo(201);
    }
    Map<String, String> siteOf = Map.of(OWN, platform.ownSite, FOREIGN, platform.foreignSite);
    Map<String, String> incidentOf = Map.of(OWN, platform.awaitIncidentAt(platform.ownSite),
        FOREIGN, platform.awaitIncidentAt(platform.foreignSite));
    canaries = new Canaries(siteOf, incidentOf,
        Canaries.sharedOrNeutralSite(platform.noc.get("/api/v1/sites").json().path("sites")));
    canaries.seed(platform, context);

    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String month = YearMonth.now(ZoneOffset.UTC).toString();
    String range = "from=" + now.minus(Duration.ofDays(1)) + "&to=" + now.plus(Duration.ofHours(1));
    fixtures = new LinkedHashMap<>();
    for (String tenant : Canaries.TENANTS) {
      String other = tenant.equals(OWN) ? FOREIGN : OWN;
      fixtures.put(tenant, new Fixture(tenant, other, siteOf.get(tenant), siteOf.get(other),
          platform.regionOf(siteOf.get(tenant)), canaries.sharedIncident, incidentOf.get(other),
          month, range));
    }
    // each tenant's copy of its incident arrives on its own topic a little after the NOC's
    await().atMost(Duration.ofSeconds(60)).until(() -> Canaries.TENANTS.stream().allMatch(t ->
        platform.client(t).get("/api/v1/incidents/" + incidentOf.get(t)).status() == 200
            && platform.client(t).get("/api/v1/dashboard/incidents/" + incidentOf.get(t))
                .status() == 200));

    // the incident's steps are taken while every role watches the live stream
    ExecutorService watchers = Executors.newFixedThreadPool(3);
    try {
      Map<String, Future<ApiClient.Response>> watching = new LinkedHashMap<>();
      for (ApiClient who : List.of(platform.noc, platform.altel, platform.kora)) {
        watching.put(who.name, watchers.submit(() -> who.streamUntil("/api/v1/stream",
            Duration.ofSeconds(90), canaries.sharedNote(), Duration.ofSeconds(3))));
      }
      Thread.sleep(1_000); // the streams are open and said hello
      canaries.steps(platform, context);
      streams = new LinkedHashMap<>();
      for (Map.Entry<String, Future<ApiClient.Response>> w : watching.entrySet()) {
        streams.put(w.getKey(), w.getValue().get(120, TimeUnit.SECONDS));
      }
    } finally {
      watchers.shutdownNow();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> Canaries.TENANTS.stream().allMatch(t ->
        platform.client(t).get("/api/v1/incidents/" + canaries.sharedIncident).body()
            .contains(canaries.sharedNote())));
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void everyRouteOfTheOpenApiDescriptionIsRegisteredAndHasAnAccessRule() {
    Set<String> registered = platform.process.routes().stream()
        .map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> probed = PROBES.stream().map(p -> p.method() + " " + p.route())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(registered).as("routes without an access rule in PROBES")
        .isSubsetOf(probed);
    assertThat(probed).as("access rules for routes that no longer exist")
        .isSubsetOf(registered);

    Set<String> documented = documented(ApiDocs.load());
    Set<String> served = platform.process.routes().stream()
        .map(r -> r.method() + " " + ApiDocs.openApiPath(r.path()))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(documented).as("OpenAPI paths against the registered routes")
        .isEqualTo(served);
    Set<String> checklist = PROBES.stream()
        .map(p -> p.method() + " " + ApiDocs.openApiPath(p.route()))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(documented(platform.noc.get(ApiDocs.JSON).json()))
        .as("the served OpenAPI description is the canary suite's checklist")
        .isEqualTo(checklist);
  }

  @Test
  void everyEndpointAnswersEachRoleAsItsRuleSaysAndNoCanaryLeaks() {
    List<String> failures = new ArrayList<>();
    for (Probe probe : PROBES) {
      if (probe.route().equals(LiveStream.PATH)) {
        continue; // a stream never ends: see the stream test
      }
      for (Fixture f : fixtures.values()) {
        ApiClient tenant = platform.client(f.tenant());
        String own = probe.own() == null ? probe.route() : probe.own().apply(f);
        String foreign = probe.foreign() == null ? null : probe.foreign().apply(f);
        // a GET of a made-up id ("...-none") may be 404; every other GET must answer
        boolean read = probe.method().equals("GET") && !own.contains("-none");

        check(failures, probe, platform.anonymous, own, probe.policy() == Policy.PUBLIC
            ? Expect.NOT_UNAUTHORIZED : Expect.UNAUTHORIZED);
        if (probe.route().equals(TokenAuthenticator.LOGOUT)) {
          continue; // a logout ends every session of its user: SessionRevocationTest
        }
        if (probe.policy() == Policy.GATEWAY) {
          check(failures, probe, platform.noc, own, Expect.UNAUTHORIZED);
          check(failures, probe, tenant, own, Expect.UNAUTHORIZED);
          continue;
        }
        check(failures, probe, platform.noc, own, read ? Expect.OK : Expect.ALLOWED);
        if (foreign != null) {
          check(failures, probe, platform.noc, foreign, read ? Expect.OK : Expect.ALLOWED);
        }
        if (STATIC.contains(probe.route())) {
          if (!tenant.get(own).body().equals(platform.noc.get(own).body())) {
            failures.add(probe.route() + " is not the same for " + f.tenant() + " and the NOC");
          }
          continue;
        }
        switch (probe.policy()) {
          case PUBLIC -> check(failures, probe, tenant, own, Expect.NOT_UNAUTHORIZED);
          case USER -> check(failures, probe, tenant, own, read ? Expect.OK : Expect.ALLOWED);
          case SCOPED -> {
            check(failures, probe, tenant, own, read ? Expect.OK : Expect.ALLOWED);
            check(failures, probe, tenant, foreign, Expect.REFUSED);
          }
          case OPERATOR -> check(failures, probe, tenant, own, Expect.FORBIDDEN);
          case GATEWAY -> throw new IllegalStateException("checked above");
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void theLiveStreamCarriesEachTenantItsSharedStepsAndNoCanary() {
    assertThat(platform.anonymous.stream(LiveStream.PATH, Duration.ofSeconds(1)).status())
        .isEqualTo(401);
    for (String tenant : Canaries.TENANTS) {
      ApiClient.Response stream = streams.get(tenant);
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.body()).contains("event: hello").contains("event: site")
          .contains(canaries.sharedNote());
      assertThat(leaks(stream.body(), canaries.secretsOf(tenant))).as(tenant).isEmpty();
    }
    assertThat(streams.get("noc").body()).contains(canaries.internalNote())
        .contains(platform.foreignSite).contains(platform.ownSite);
  }

  @Test
  void theNocSeesWhatEachTenantMayNotAndEachTenantOnlyItsShareOfTheIncident() {
    String path = "/api/v1/dashboard/incidents/" + canaries.sharedIncident;
    assertThat(platform.noc.get(path).body()).contains(canaries.internalNote(),
        canaries.refusedCommand(), "CANARY-DISPATCH-ALTEL", "CANARY-DISPATCH-KORA",
        "CANARY-CAUSE-KORA");
    assertThat(platform.noc.get("/api/v1/incidents/" + canaries.sharedIncident).body())
        .contains(canaries.internalNote());
    for (String tenant : Canaries.TENANTS) {
      ApiClient who = platform.client(tenant);
      for (String read : List.of(path, "/api/v1/incidents/" + canaries.sharedIncident,
          "/api/v1/incidents/" + canaries.sharedIncident + "/events")) {
        String body = who.get(read).body();
        assertThat(body).as(tenant + " " + read).contains(canaries.sharedNote())
            .contains("CANARY-DISPATCH-" + tenant.toUpperCase(Locale.ROOT))
            .contains(canaries.alertOf(tenant));
        assertThat(leaks(body, canaries.secretsOf(tenant))).as(tenant + " " + read).isEmpty();
      }
    }
  }

  /**
   * No route serves delivery records and the live stream does not carry them: each tenant's
   * delivery attempts (with their outcome) exist on its own deliveries topic only, its webhook's
   * URL and token are shown to itself (its routing), and the other's never (every probe and
   * stream is searched for them through {@link Canaries#secretsOf}).
   */
  @Test
  void deliveryOutcomesStayOnTheTenantsOwnTopicAndNoAnswerShowsAnothersReceiver() {
    for (String tenant : Canaries.TENANTS) {
      String topic = "towerco.notifications." + tenant + ".deliveries";
      try (TopicReader reader = new TopicReader(kafka.bootstrapServers(),
          Pattern.compile(Pattern.quote(topic)))) {
        reader.readUntil(r -> attempts(reader, canaries.receiverOf(tenant)).size() > 0,
            Duration.ofSeconds(60));
        NotificationAttempted attempt = attempts(reader, canaries.receiverOf(tenant)).get(0);
        assertThat(attempt.outcome()).isNotEqualTo(NotificationAttempted.Outcome.DELIVERED);
        assertThat(attempt.error()).as("the outcome text tells no URL, token or address")
            .startsWith("refused:").doesNotContain(canaries.hookPath(tenant),
                canaries.hookToken(tenant), "127.0.0.1");
      }
      ApiClient who = platform.client(tenant);
      assertThat(who.get("/api/v1/notifications/routing").body())
          .contains(canaries.hookPath(tenant), canaries.hookToken(tenant));
      assertThat(leaks(who.get("/api/v1/notifications/routing").body()
          + who.get("/api/v1/notifications/silences").body() + streams.get(tenant).body(),
          canaries.secretsOf(tenant))).as(tenant).isEmpty();
    }
  }

  private static List<NotificationAttempted> attempts(TopicReader reader, String receiver) {
    return reader.events().stream().map(e -> e.payload())
        .filter(NotificationAttempted.class::isInstance).map(NotificationAttempted.class::cast)
        .filter(a -> a.receiver().equals(receiver)).toList();
  }

  @Test
  void exportsCarryEachTenantOnlyItsOwnData() {
    for (Fixture f : fixtures.values()) {
      ApiClient who = platform.client(f.tenant());
      for (String export : List.of("/api/v1/sla/%s.csv?month=" + f.month(),
          "/api/v1/analytics/sla-reports/%s/" + f.month() + "?format=csv")) {
        ApiClient.Response own = who.get(export.formatted(f.tenant()));
        assertThat(own.status()).as(own.toString()).isIn(200, 404);
        assertThat(leaks(own.body(), canaries.secretsOf(f.tenant()))).isEmpty();
        assertThat(who.get(export.formatted(f.other())).status()).isIn(403, 404);
      }
    }
  }

  @Test
  void aTenantUserSeesItsOwnIncidentButNotAnotherTenants() {
    for (Fixture f : fixtures.values()) {
      ApiClient who = platform.client(f.tenant());
      assertThat(who.get("/api/v1/incidents").body()).contains(f.ownIncident())
          .doesNotContain(f.foreignIncident());
      assertThat(who.get("/api/v1/sites").json().path("sites").toString())
          .contains(f.ownSite()).doesNotContain(f.foreignSite());
    }
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
    List<String> secrets = who == platform.noc ? List.of()
        : who == platform.anonymous ? canaries.all() : canaries.secretsOf(who.name);
    if (!path.equals("/metrics")) {
      // what the caller named itself may be echoed back ("site S9 not found")
      List<String> leaks = leaks(r.body(), secrets).stream()
          .filter(s -> !path.contains(s)).toList();
      if (!leaks.isEmpty()) {
        failures.add(where + "shows canaries " + leaks + ": " + r);
      }
    }
  }

  /** The secrets that appear in what someone was shown. */
  private static List<String> leaks(String body, List<String> secrets) {
    List<String> found = new ArrayList<>();
    for (String secret : secrets) {
      if (Pattern.compile("\\b" + Pattern.quote(secret) + "\\b").matcher(body).find()) {
        found.add(secret);
      }
    }
    return found;
  }

  private static Set<String> documented(JsonNode doc) {
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue().fieldNames().forEachRemaining(method ->
          documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
    }
    return documented;
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
