package com.towerco.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.towerco.app.PlatformProcess;
import com.towerco.app.Services;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventTypes;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.site.SiteTelemetry;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.simulator.SimulatorServiceFactory;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.PostgresDatabase;
import com.towerco.testing.TestFiles;
import com.towerco.testing.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole platform in one process on a real Kafka broker and real PostgreSQL, fed by the
 * simulator with a hub failure: the fault must reach KPIs, an alert, one incident, a webhook,
 * the SQL store and the API; bad input must land in the dead-letter topic while processing
 * goes on; a duplicate must count once; and a restart on the same data must lose nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformSystemTest {
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private static Path dataDir;
  private static WebhookReceiver webhook;
  private static PostgresDatabase postgres;
  private static PlatformProcess platform;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startPlatform() throws Exception {
    dataDir = Files.createTempDirectory("towerco-system-");
    webhook = new WebhookReceiver();
    postgres = new PostgresDatabase();
    Path routing = dataDir.resolve("routing.yaml");
    Files.writeString(routing, """
        outbound: {allow: [127.0.0.1/32], min_group_interval: 1s}
        tenants:
          towerco:
            receivers:
              - name: noc
                type: webhook
                url: %s
            routes:
              - name: everything
                receivers: [noc]
                group_by: [hub]
                group_wait: 1s
                group_interval: 5s
        """.formatted(webhook.url()), StandardCharsets.UTF_8);
    List<ServiceFactory> factories = new ArrayList<>(Services.all());
    factories.add(new SimulatorServiceFactory());
    platform = start(factories, Map.of(
        "simulator.sites", "12", "simulator.sites-per-hub", "6", "simulator.rate", "1",
        "simulator.speed", "10", "simulator.faults", "hub-failure:S0001@40s+10m",
        "notification.config", routing.toString()));
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (platform != null) {
      platform.close();
    }
    if (webhook != null) {
      webhook.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    TestFiles.deleteRecursively(dataDir);
  }

  @Test
  @Order(1)
  void aHubFailureReachesKpisAnAlertOneIncidentTheWebhookTheSqlStoreAndTheApi()
      throws Exception {
    try (TopicReader incidents = reader("towerco\\.incidents\\.towerco\\.lifecycle");
        TopicReader alerts = reader("towerco\\.alerts\\.towerco\\.notifications");
        TopicReader kpis = reader("towerco\\.kpis\\.towerco\\.metrics")) {
      incidents.readUntil(r -> opened(incidents).stream()
          .anyMatch(i -> i.rootCause().siteId().equals("S0001")), PATIENCE);
      IncidentOpened hub = opened(incidents).stream()
          .filter(i -> i.rootCause().siteId().equals("S0001")).findFirst().orElseThrow();
      assertThat(hub.rootCause().kind()).isEqualTo("hub-transmission-failure");
      assertThat(hub.affectedSites()).contains("S0002", "S0003", "S0004", "S0005", "S0006");
      assertThat(opened(incidents).stream()
          .filter(i -> i.affectedSites().contains("S0003"))).as("one incident per problem")
          .hasSize(1);

      // One notification per problem (ADR-019): the hub's alert, or the first site to go
      // silent; the other sites' unreachable alerts are evidence on the incident.
      alerts.readUntil(r -> firing(alerts).stream()
          .anyMatch(a -> a.rule().equals("transmission-failure")
              || a.rule().equals("site-unreachable")), PATIENCE);
      kpis.readUntil(r -> kpis.events(EventTypes.of(KpiComputed.class).name()).stream()
          .map(e -> e.payloadAs(KpiComputed.class))
          .anyMatch(k -> k.siteId().equals("S0003")
              && k.values().getOrDefault(KpiComputed.REPORTING_PCT, 100.0) < 100.0), PATIENCE);
    }
    await().atMost(PATIENCE).until(() -> webhook.bodies().stream()
        .anyMatch(body -> body.contains("S0001")));
    await().atMost(PATIENCE).until(() -> postgres.count(
        "SELECT count(*) FROM raw_events WHERE event_type = 'incident.opened'") > 0);
    await().atMost(PATIENCE).until(() -> get("/api/v1/incidents").contains("\"S0001\""));
    // The dashboard reads site topics at the background pace (ADR-025): a site topic created
    // after it started is found at its next metadata refresh (15 s), so wait for it.
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(get("/api/v1/sites/S0004")).contains("\"reachable\":false"));
  }

  @Test
  @Order(2)
  void aMalformedRecordGoesToTheDeadLetterTopicWithItsReasonAndProcessingContinues()
      throws Exception {
    long windowsBefore;
    try (TopicReader kpis = reader("towerco\\.kpis\\.towerco\\.metrics")) {
      windowsBefore = kpis.readFor(Duration.ofSeconds(2)).size();
    }
    try (EventFeeder feeder = new EventFeeder(platform.context())) {
      feeder.raw("S0008", "{\"event_id\": \"broken".getBytes(StandardCharsets.UTF_8));
      feeder.flush();
    }
    try (TopicReader dlq = reader("towerco\\.dlq")) {
      dlq.readUntil(r -> services(r).containsAll(Set.of("kpi", "aiops", "analytics",
          "dashboard")), PATIENCE);
      var record = dlq.readFor(Duration.ZERO).stream()
          .filter(r -> "S0008".equals(r.key()) && TopicFamily.SITE_EVENTS.topic("S0008")
              .equals(DeadLetters.header(r.headers(), DeadLetters.TOPIC))).findFirst()
          .orElseThrow();
      assertThat(DeadLetters.header(record.headers(), DeadLetters.REASON))
          .isEqualTo("MALFORMED_JSON");
      assertThat(DeadLetters.header(record.headers(), DeadLetters.OFFSET)).isNotBlank();
    }
    try (TopicReader kpis = reader("towerco\\.kpis\\.towerco\\.metrics")) {
      kpis.readUntil(r -> r.size() > windowsBefore + 12, PATIENCE);
    }
  }

  @Test
  @Order(3)
  void anEventDeliveredTwiceIsStoredAndCountedOnce() throws Exception {
    Envelope telemetry;
    try (TopicReader site = TopicReader.sites(platform.bootstrapServers(), "S0009")) {
      site.readUntil(r -> !site.events(EventTypes.of(SiteTelemetry.class).name()).isEmpty(),
          PATIENCE);
      telemetry = site.events(EventTypes.of(SiteTelemetry.class).name()).get(0);
    }
    assertThat(telemetry.payload()).isInstanceOf(SiteTelemetry.class);
    try (EventFeeder feeder = new EventFeeder(platform.context())) {
      feeder.send(telemetry);
      feeder.send(telemetry);
      feeder.flush();
    }
    String sql = "SELECT count(*) FROM raw_events WHERE event_id = '" + telemetry.eventId() + "'";
    await().atMost(PATIENCE).until(() -> postgres.count(sql) == 1);
    await().atMost(PATIENCE).until(() -> platform.context().metrics().forService("kpi")
        .totalIn() > 0);
    Thread.sleep(3_000);
    assertThat(postgres.count(sql)).isEqualTo(1);
  }

  @Test
  @Order(4)
  void aRestartOnTheSameDataLosesNothingAndDuplicatesNothing() throws Exception {
    platform.close();
    platform = start(Services.all(), Map.of());
    long valid = countValidSiteEvents();
    await().atMost(PATIENCE).until(() -> postgres.count(
        "SELECT count(DISTINCT event_id) FROM raw_events WHERE topic LIKE 'towerco.sites.%'")
        == valid);
    assertThat(postgres.count("SELECT count(*) FROM raw_events WHERE topic LIKE "
        + "'towerco.sites.%'")).as("no row stored twice").isEqualTo(valid);
  }

  private static PlatformProcess start(List<ServiceFactory> factories, Map<String, String> extra) {
    Map<String, String> settings = new java.util.HashMap<>(Map.of(
        "kpi.window", "PT10S", "kpi.grace", "PT2S", "aiops.settle", "PT10S",
        "analytics.jdbc-url", postgres.url(), "analytics.jdbc-user", "postgres"));
    settings.putAll(extra);
    return PlatformProcess.start(new PlatformProcess.Spec(null, true, kafkaPort(), dataDir,
        factories, new ServiceSettings(settings), 0, c -> c.withTopicLayout(2, 2, (short) 1),
        Authenticator.openAccess()));
  }

  /** The broker keeps its port across the restart, so clients find it again. */
  private static int kafkaPort() {
    if (platform != null) {
      String bootstrap = platform.bootstrapServers();
      return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Distinct valid events in every site topic, read straight from the broker. */
  private static long countValidSiteEvents() {
    EventCodec codec = new EventCodec();
    Set<String> ids = new HashSet<>();
    try (TopicReader sites = reader("towerco\\.sites\\..+\\.events")) {
      for (var record : sites.readFor(Duration.ofSeconds(8))) {
        try {
          ids.add(codec.decode(record.value()).eventId());
        } catch (com.towerco.events.InvalidEventException e) {
          // dead-lettered, not stored
        }
      }
    }
    return ids.size();
  }

  private static TopicReader reader(String topics) {
    return new TopicReader(platform.bootstrapServers(), Pattern.compile(topics));
  }

  private static List<IncidentOpened> opened(TopicReader reader) {
    return reader.events(EventTypes.of(IncidentOpened.class).name()).stream()
        .map(e -> e.payloadAs(IncidentOpened.class)).toList();
  }

  private static List<AlertFiring> firing(TopicReader reader) {
    return reader.events(EventTypes.of(AlertFiring.class).name()).stream()
        .map(e -> e.payloadAs(AlertFiring.class)).toList();
  }

  private static Set<String> services(List<org.apache.kafka.clients.consumer.ConsumerRecord<
      String, byte[]>> records) {
    Set<String> services = new HashSet<>();
    records.forEach(r -> services.add(DeadLetters.header(r.headers(), DeadLetters.SERVICE)));
    return services;
  }

  private static String get(String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + platform.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.body();
  }
}
