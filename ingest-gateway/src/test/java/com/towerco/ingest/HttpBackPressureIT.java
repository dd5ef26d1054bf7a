package com.towerco.ingest;

import static com.towerco.ingest.DeviceMessages.message;
import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.towerco.events.Envelope;
import com.towerco.events.Json;
import com.towerco.ingest.domain.GatewayKeys;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP intake's back-pressure against a real broker that goes away: while Kafka does not
 * take the items the gateway answers 503 with Retry-After within its Kafka timeout (a request
 * thread never hangs on the missing broker), and a sender that retries the same batch after the
 * broker is back loses nothing: every event id arrives on the site's topic.
 */
class HttpBackPressureIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final String KEY = GatewayKeys.newKey();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Test
  void aBrokerThatIsGoneMeans503WithRetryAfterAndARetriedBatchLosesNothing() throws Exception {
    ServiceContext context = kafka.context();
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register("B1", aSite().withTenant("altel").build(), NOW);
      feeder.flush();
    }
    IngestGatewayService gateway = (IngestGatewayService) new IngestGatewayServiceFactory()
        .create(context, new ServiceSettings(Map.of("ingest.mqtt-url", "off",
            "ingest.gateway-id", "gw-503", "ingest.max-in-flight", "4",
            "ingest.http-kafka-timeout", "PT2S",
            "ingest.http-keys", GatewayKeys.entry("vendor-cloud", KEY, List.of("B1")))));
    WebServer web = WebServer.start(0, new PlatformMetrics(), () -> true, ctx -> {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "no user session");
    }, List.of(gateway));
    Set<String> sent = new HashSet<>();
    try {
      gateway.start();
      HttpResponse<String> first = post(web, batch("b1-0000", 1));
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      sent.add("b1-0000");

      kafka.stop();
      String behind = batch("b1-1000", 3);
      HttpResponse<String> timedOut = post(web, behind);
      assertThat(timedOut.statusCode()).as(timedOut.body()).isEqualTo(503);
      assertThat(timedOut.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(timedOut.body()).contains("retry");
      // the next batch is refused at once too: either the first batch's writes are still
      // outstanding and leave no room (Retry-After 1), or the producer could not take them at
      // all (no metadata from a broker), gave their room back and refuses this one the same
      // way (Retry-After 5); which of the two depends on whether its metadata was still fresh
      HttpResponse<String> again = post(web, batch("b1-2000", 2));
      assertThat(again.statusCode()).as(again.body()).isEqualTo(503);
      assertThat(again.headers().firstValue("Retry-After")).hasValueSatisfying(
          after -> assertThat(after).isIn("1", "5"));

      kafka.startAgain();
      HttpResponse<String> retried = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (System.nanoTime() < deadline) {
        retried = post(web, behind);
        if (retried.statusCode() == 200) {
          break;
        }
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(503);
        Thread.sleep(1_000);
      }
      assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
      JsonNode answer = Json.mapper().readTree(retried.body());
      assertThat(answer.path("accepted").asInt()).isEqualTo(3);
      sent.addAll(List.of("b1-1000", "b1-1001", "b1-1002"));
    } finally {
      web.close();
      gateway.close();
    }
    try (TopicReader events = TopicReader.sites(kafka.bootstrapServers(), "B1")) {
      events.readUntil(r -> r.size() >= sent.size(), Duration.ofSeconds(30));
      Set<String> arrived = events.events().stream().map(Envelope::eventId)
          .collect(Collectors.toSet());
      assertThat(arrived).as("every event id the gateway answered 'accepted' for")
          .containsAll(sent);
      assertThat(arrived).as("the refused batch of two was never written")
          .doesNotContain("b1-2000", "b1-2001");
    }
  }

  private static String batch(String firstId, int items) {
    ArrayNode batch = Json.mapper().createArrayNode();
    int base = Integer.parseInt(firstId.substring(firstId.indexOf('-') + 1));
    for (int i = 0; i < items; i++) {
      String id = String.format("b1-%04d", base + i);
      batch.add(message(NOW.minusSeconds(30 - i), aReading().build())
          .put("site_id", "B1").put("type", "site.telemetry").put("event_id", id));
    }
    return batch.toString();
  }

  private static HttpResponse<String> post(WebServer web, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port()
            + "/api/v1/ingest/events")).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + KEY)
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
