package com.towerco.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.towerco.app.PlatformProcess;
import com.towerco.app.Services;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.simulator.SimulatorServiceFactory;
import com.towerco.simulator.SimulatorSettings;
import com.towerco.testing.PostgresDatabase;
import com.towerco.testing.TestFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The monitoring pack against a real platform: every service and the simulator in one process on
 * an embedded broker, analytics on a PostgreSQL database of its own. Every metric an alert rule
 * or a dashboard reads is on its {@code /metrics}, with the label values they match on, and
 * every SQL query of the per-tenant delivery dashboard runs on the analytics schema.
 */
class ExportedMetricsIT {
  /** Made by Prometheus itself, not by the platform. */
  private static final Set<String> FROM_PROMETHEUS = Set.of("up");
  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][\\w:]*)\\{([^}]*)}");
  private static final Pattern EQUALS = Pattern.compile("(\\w+)=\"([^\"$]*)\"");

  @Test
  void everyMetricTheRulesAndDashboardsReadIsExportedAndEverySqlPanelRuns() throws Exception {
    List<String> expressions = new ArrayList<>(ruleExpressions());
    List<String> sql = new ArrayList<>();
    for (Dashboards.Query query : Dashboards.queries()) {
      (query.datasourceType().equals(Dashboards.PROMETHEUS) ? expressions : sql)
          .add(query.datasourceType().equals(Dashboards.PROMETHEUS)
              ? PromQl.promQlOf(query.text()) : query.text());
    }
    Set<String> wanted = new TreeSet<>();
    expressions.forEach(e -> wanted.addAll(PromQl.metricNames(e)));
    wanted.removeAll(FROM_PROMETHEUS);
    assertThat(wanted).hasSizeGreaterThan(25);

    Path dataDir = Files.createTempDirectory("towerco-ops-");
    List<ServiceFactory> factories = new ArrayList<>(Services.all());
    factories.add(new SimulatorServiceFactory());
    try (PostgresDatabase database = new PostgresDatabase()) {
      Map<String, String> settings = new HashMap<>(Map.of(SimulatorSettings.SITES, "4",
          SimulatorSettings.RATE, "5", SimulatorSettings.MODE, "paced",
          "analytics.jdbc-url", database.url(), "analytics.jdbc-user", "postgres"));
      try (PlatformProcess process = PlatformProcess.start(new PlatformProcess.Spec(null, true,
          0, dataDir, factories, new ServiceSettings(settings), 0, c -> c,
          Authenticator.openAccess()))) {
        String url = "http://localhost:" + process.httpPort() + "/metrics";
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
            .until(() -> missing(scrape(url), wanted, expressions).isEmpty());
        assertThat(missing(scrape(url), wanted, expressions)).isEmpty();

        await().atMost(Duration.ofSeconds(60)).until(() ->
            database.count("SELECT count(*) FROM tenancies") > 0);
        runSqlPanels(database, sql);
      }
    } finally {
      TestFiles.deleteRecursively(dataDir);
    }
  }

  /** Metric names, and name{label="value"} pairs, the scrape lacks. */
  private static Set<String> missing(String scrape, Set<String> names, List<String> exprs) {
    Map<String, List<String>> series = new HashMap<>();
    for (String line : scrape.split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        String name = line.substring(0, brace > 0 && brace < space ? brace : space);
        series.computeIfAbsent(name, n -> new ArrayList<>()).add(line);
      }
    }
    Set<String> missing = new TreeSet<>();
    for (String name : names) {
      if (!series.containsKey(name)) {
        missing.add(name);
      }
    }
    for (String expr : exprs) {
      Matcher selector = SELECTOR.matcher(expr);
      while (selector.find()) {
        List<String> lines = series.getOrDefault(selector.group(1), List.of());
        Matcher matcher = EQUALS.matcher(selector.group(2));
        while (matcher.find()) {
          String label = matcher.group(1) + "=\"" + matcher.group(2) + "\"";
          if (!matcher.group(1).equals("job") && lines.stream().noneMatch(l -> l.contains(label))) {
            missing.add(selector.group(1) + "{" + label + "}");
          }
        }
      }
    }
    return missing;
  }

  private static void runSqlPanels(PostgresDatabase database, List<String> queries)
      throws Exception {
    try (Connection c = DriverManager.getConnection(database.url(), "postgres", null);
        Statement s = c.createStatement()) {
      String tenantQuery = queries.stream().filter(q -> q.contains("FROM tenancies"))
          .findFirst().orElseThrow();
      String tenant;
      try (ResultSet tenants = s.executeQuery(tenantQuery)) {
        assertThat(tenants.next()).as("the tenant variable lists tenants").isTrue();
        tenant = tenants.getString(1);
      }
      for (String query : queries) {
        String runnable = query.replace("$__timeFilter(event_time)",
            "event_time BETWEEN now() - interval '6 hours' AND now()")
            .replace("$tenant", tenant);
        try (ResultSet rows = s.executeQuery(runnable)) {
          assertThat(rows.getMetaData().getColumnCount()).as(query).isPositive();
        }
      }
    }
  }

  private static List<String> ruleExpressions() throws Exception {
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(OpsFiles.RULES.toFile());
    List<String> exprs = new ArrayList<>();
    rules.path("groups").forEach(g -> g.path("rules").forEach(r ->
        exprs.add(r.path("expr").asText())));
    return exprs;
  }

  private static String scrape(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
