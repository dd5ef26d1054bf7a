package com.towerco.ingest;

import static com.towerco.ingest.DeviceMessages.message;
import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.Envelope;
import com.towerco.events.Json;
import com.towerco.events.TopicFamily;
import com.towerco.ingest.domain.EdgeContractTestAlarms;
import com.towerco.ingest.domain.GatewayKeys;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Gateways posting batches over real HTTP to the platform's web server (whose user
 * authentication refuses everyone: the route checks its API keys itself) into a real Kafka.
 */
class HttpIngestIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final String CLOUD_KEY = GatewayKeys.newKey();
  private static final String NMS_KEY = GatewayKeys.newKey();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static IngestGatewayService gateway;
  private static WebServer web;
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @BeforeAll
  static void startTheGatewayBehindTheWebServer() {
    ServiceContext context = kafka.context();
    try (EventFeeder feeder = new EventFeeder(context)) {
      for (String site : List.of("H1", "H2", "H3")) {
        feeder.register(site, aSite().withTenant("altel").build(), NOW);
      }
      feeder.flush();
    }
    gateway = (IngestGatewayService) new IngestGatewayServiceFactory().create(context,
        new ServiceSettings(Map.of("ingest.mqtt-url", "off", "ingest.gateway-id", "gw-http",
            "ingest.http-keys", GatewayKeys.entry("vendor-cloud", CLOUD_KEY, List.of("H1", "H2"))
                + ";" + GatewayKeys.entry("nms", NMS_KEY, List.of("*")),
            "ingest.http-max-items", "50", "ingest.http-items-per-second", "60")));
    web = WebServer.start(0, new PlatformMetrics(), () -> true, ctx -> {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "no user session");
    }, List.of(gateway));
    gateway.start();
  }

  @AfterAll
  static void stop() {
    web.close();
    gateway.close();
  }

  @Test
  void aBatchIsAnsweredPerItemAndOnlyTheAcceptedReachTheSiteTopics() throws Exception {
    ArrayNode batch = Json.mapper().createArrayNode();
    batch.add(item("H1", "site.telemetry", NOW.minusSeconds(5), aReading().build()));
    batch.add(item("H2", "site.alarm", NOW.minusSeconds(4), EdgeContractTestAlarms.mainsFailure())
        .put("event_id", "cloud-0001"));
    batch.add(item("H3", "site.telemetry", NOW, aReading().build()));
    batch.add(item("H9", "site.telemetry", NOW, aReading().build()));
    batch.add(item("H1", "site.telemetry", NOW.plus(Duration.ofHours(2)), aReading().build()));
    batch.add(item("H1", "site.telemetry", NOW, aReading().build()).put("colour", "red"));

    HttpResponse<String> response = post(CLOUD_KEY, "application/json", batch.toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = Json.mapper().readTree(response.body());
    assertThat(answer.path("accepted").asInt()).isEqualTo(2);
    assertThat(answer.path("rejected").asInt()).isEqualTo(4);
    List<String> statuses = Json.mapper().convertValue(answer.path("results"),
        new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {})
        .stream().map(r -> r.get("status") + (r.containsKey("reason") ? ":" + r.get("reason")
            : "")).toList();
    assertThat(statuses).containsExactly("accepted", "accepted", "rejected:SITE_NOT_ALLOWED",
        "rejected:SITE_NOT_ALLOWED", "rejected:FUTURE_TIMESTAMP", "rejected:SCHEMA_VIOLATION");
    assertThat(answer.at("/results/1/event_id").asText()).isEqualTo("cloud-0001");

    try (TopicReader events = TopicReader.sites(kafka.bootstrapServers(), "H1", "H2",
        "H3")) {
      events.readUntil(r -> r.size() >= 2, Duration.ofSeconds(20));
      List<Envelope> arrived = events.readFor(Duration.ofSeconds(1)).isEmpty() ? List.of()
          : events.events();
      assertThat(arrived).extracting(Envelope::siteId).containsExactlyInAnyOrder("H1", "H2");
      assertThat(arrived).allSatisfy(e -> assertThat(e.metadata())
          .containsEntry("source_protocol", "http").containsEntry("gateway_id", "vendor-cloud"));
    }
    try (TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
      var dead = dlq.readUntil(r -> r.size() >= 4, Duration.ofSeconds(20)).stream()
          .filter(r -> "http:vendor-cloud".equals(DeadLetters.header(r.headers(),
              "ingest.source"))).toList();
      assertThat(dead.stream().map(r -> DeadLetters.header(r.headers(), DeadLetters.REASON))
          .collect(Collectors.toList())).containsExactlyInAnyOrder("SITE_NOT_ALLOWED",
              "SITE_NOT_ALLOWED", "FUTURE_TIMESTAMP", "SCHEMA_VIOLATION");
    }
  }

  @Test
  void ndjsonIsAcceptedAndARepeatedItemKeepsItsEventId() throws Exception {
    String line = item("H3", "site.telemetry", NOW.minusSeconds(60), aReading().build())
        .toString();
    HttpResponse<String> first = post(NMS_KEY, "application/x-ndjson", line + "\n" + line + "\n");
    HttpResponse<String> again = post(NMS_KEY, "application/x-ndjson", line + "\n");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonNode a = Json.mapper().readTree(first.body());
    JsonNode b = Json.mapper().readTree(again.body());
    assertThat(a.path("accepted").asInt()).isEqualTo(2);
    String id = a.at("/results/0/event_id").asText();
    assertThat(a.at("/results/1/event_id").asText()).isEqualTo(id);
    assertThat(b.at("/results/0/event_id").asText()).isEqualTo(id);
  }

  @Test
  void withoutAValidKeyOrOverTheLimitsNothingIsTaken() throws Exception {
    String one = "[" + item("H1", "site.telemetry", NOW, aReading().build()) + "]";
    assertThat(post(null, "application/json", one).statusCode()).isEqualTo(401);
    assertThat(post(GatewayKeys.newKey(), "application/json", one).statusCode()).isEqualTo(401);
    assertThat(post(CLOUD_KEY, "application/json", "{oops").statusCode()).isEqualTo(400);

    ArrayNode tooMany = Json.mapper().createArrayNode();
    for (int i = 0; i < 51; i++) {
      tooMany.add(item("H1", "site.telemetry", NOW.minusSeconds(i), aReading().build()));
    }
    HttpResponse<String> big = post(CLOUD_KEY, "application/json", tooMany.toString());
    assertThat(big.statusCode()).as(big.body()).isEqualTo(413);

    ArrayNode forty = Json.mapper().createArrayNode();
    for (int i = 0; i < 40; i++) {
      forty.add(item("H2", "site.telemetry", NOW.minusSeconds(100 + i), aReading().build()));
    }
    // 60 items a second: of batches of 40 sent back to back, some must be refused (at most
    // one refill of the second's allowance falls between two of them)
    HttpResponse<String> limited = null;
    for (int attempt = 0; attempt < 6 && limited == null; attempt++) {
      HttpResponse<String> r = post(NMS_KEY, "application/json", forty.toString());
      assertThat(r.statusCode()).as(r.body()).isIn(200, 429);
      limited = r.statusCode() == 429 ? r : null;
    }
    assertThat(limited).as("a batch over the gateway's rate is refused").isNotNull();
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
  }

  private static ObjectNode item(String site, String type, Instant at,
      com.towerco.events.payload.Payload payload) {
    return message(at, payload).put("site_id", site).put("type", type);
  }

  private static HttpResponse<String> post(String key, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
        + web.port() + "/api/v1/ingest/events")).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
