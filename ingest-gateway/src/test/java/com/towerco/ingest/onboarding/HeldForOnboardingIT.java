package com.towerco.ingest.onboarding;

import static com.towerco.ingest.DeviceMessages.message;
import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.towerco.events.Envelope;
import com.towerco.events.Json;
import com.towerco.ingest.IngestGatewayService;
import com.towerco.ingest.IngestGatewayServiceFactory;
import com.towerco.ingest.domain.GatewayKeys;
import com.towerco.platform.dlq.DeadLetterLog;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.kafka.EventHeaders;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code ingest.hold-unknown-sites} on, a site that reports before it is registered loses
 * nothing: its events are refused as {@code UNKNOWN_SITE} (and kept in the dead-letter topic),
 * and when the site is registered the inventory service publishes them to the site's topic,
 * once, with the event ids the gateway gave them.
 */
class HeldForOnboardingIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final String KEY = GatewayKeys.newKey();
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Test
  void eventsOfASiteNotYetRegisteredArePublishedOnceWhenItIs() throws Exception {
    ServiceContext context = kafka.context();
    Map<String, String> settings = Map.of("ingest.mqtt-url", "off", "ingest.gateway-id",
        "gw-held", "ingest.hold-unknown-sites", "true",
        "ingest.http-keys", GatewayKeys.entry("nms", KEY, List.of("*")));
    IngestGatewayService gateway = (IngestGatewayService) new IngestGatewayServiceFactory()
        .create(context, new ServiceSettings(settings));
    InventoryService inventory = (InventoryService) new InventoryServiceFactory()
        .create(context, new ServiceSettings(settings));
    WebServer web = WebServer.start(0, new PlatformMetrics(), () -> true, ctx -> {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "no user session");
    }, List.of(gateway));
    try {
      gateway.start();
      inventory.start();
      ArrayNode batch = Json.mapper().createArrayNode();
      for (int i = 0; i < 2; i++) {
        batch.add(message(NOW.minusSeconds(20 - i), aReading().build()).put("site_id", "U0001")
            .put("type", "site.telemetry").put("event_id", "u0001-" + i));
      }
      batch.add(message(NOW, aReading().build()).put("site_id", "U0001")
          .put("type", "site.telemetry").put("colour", "red"));

      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + web.port() + "/api/v1/ingest/events"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
          .POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode answer = Json.mapper().readTree(response.body());
      assertThat(answer.at("/results/0/reason").asText()).isEqualTo("UNKNOWN_SITE");
      assertThat(answer.at("/results/0/held").asBoolean()).isTrue();
      assertThat(answer.at("/results/1/held").asBoolean()).isTrue();
      // a message that is wrong for another reason is not held: it stays a plain refusal
      assertThat(answer.at("/results/2/reason").asText()).isEqualTo("SCHEMA_VIOLATION");
      assertThat(answer.at("/results/2/held").isMissingNode()).isTrue();

      try (EventFeeder feeder = new EventFeeder(context)) {
        feeder.register("U0001", aSite().withTenant("altel").build(), NOW);
        feeder.flush();
      }
      try (TopicReader events = TopicReader.sites(kafka.bootstrapServers(), "U0001")) {
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records =
            events.readUntil(r -> r.size() >= 2, Duration.ofSeconds(60));
        assertThat(events.events()).extracting(Envelope::eventId)
            .containsExactlyInAnyOrder("u0001-0", "u0001-1");
        // released as every envelope the platform writes: with its routing headers (ADR-018),
        // which describe exactly the envelope released
        assertThat(records).hasSize(2);
        com.towerco.events.EventCodec codec = new com.towerco.events.EventCodec();
        for (var r : records) {
          EventHeaders.Attributes headers = EventHeaders.read(r.headers());
          assertThat(headers).as("ce_* headers").isNotNull();
          assertThat(headers.describe(codec.decode(r.value()))).isTrue();
          assertThat(headers.siteId()).isEqualTo("U0001");
          assertThat(headers.type()).isEqualTo("site.telemetry");
        }
        assertThat(events.events()).allSatisfy(e -> assertThat(e.metadata())
            .containsEntry("source_protocol", "http").containsEntry("gateway_id", "nms"));
      }
      // released once: a second pass (a restarted inventory service does one) finds them done
      assertThat(new HeldArrivals(new DeadLetterLog(context.clients(), Clock.systemUTC()))
          .release(List.of("U0001"))).isZero();
    } finally {
      web.close();
      inventory.close();
      gateway.close();
    }
  }
}
