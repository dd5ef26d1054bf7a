package com.towerco.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.app.Towerco;
import com.towerco.app.http.DeadLetterApi;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.Json;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteConnectivity;
import com.towerco.platform.dlq.DeadLetterLog;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.metrics.ServiceMetrics;
import com.towerco.platform.runtime.ConsumerService;
import com.towerco.platform.runtime.Deduplicator;
import com.towerco.platform.runtime.EventHandler;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.testing.KafkaExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * The dead-letter workflow on a real broker, through the real command line: two services read
 * one site topic, dedup by event_id; bad records and one a service fails on are dead-lettered;
 * {@code dlq list} filters them, {@code dlq show} shows one, {@code dlq replay} sends the failed
 * one back once its cause is fixed and a malformed one with a corrected value; each event ends
 * up processed once per service, and a second replay sends nothing.
 */
class DlqCommandIT {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final EventCodec CODEC = new EventCodec();

  /** A consumer that counts each event_id once and, while broken, fails on one site. */
  private static final class CountingService {
    final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
    volatile String failOnSite;

    EventHandler handler(ServiceMetrics metrics) {
      Deduplicator seen = new Deduplicator(Duration.ofDays(1));
      return (event, source) -> {
        if (event.siteId().equals(failOnSite)) {
          throw new IllegalStateException("site " + event.siteId() + " is not known yet");
        }
        if (seen.firstSeen(event.eventId(), event.timestamp())) {
          processed.computeIfAbsent(event.eventId(), k -> new AtomicInteger()).incrementAndGet();
        } else {
          metrics.duplicateSkipped();
        }
      };
    }

    int count(String eventId) {
      AtomicInteger n = processed.get(eventId);
      return n == null ? 0 : n.get();
    }
  }

  @Test
  void deadLettersAreListedFilteredShownAndReplayedOnceAfterTheFix() throws Exception {
    ServiceContext context = kafka.context();
    String topic = context.topics().ensure(TopicFamily.SITE_EVENTS, "DLQ-A");
    CountingService strict = new CountingService();
    strict.failOnSite = "DLQ-A";
    CountingService tolerant = new CountingService();
    start(context, "strict", strict);
    start(context, "tolerant", tolerant);

    Envelope failing = event("DLQ-A");
    Envelope corrected = event("DLQ-A");
    try (KafkaProducer<String, byte[]> producer = context.clients().producer("dlq-it")) {
      producer.send(new ProducerRecord<>(topic, "DLQ-A", "{not json".getBytes(
          StandardCharsets.UTF_8)));
      producer.send(new ProducerRecord<>(topic, "DLQ-A", CODEC.encode(failing)));
      producer.flush();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> tolerant.count(failing.eventId()) == 1);
    DeadLetterLog log = new DeadLetterLog(context.clients(), Clock.systemUTC());
    await().atMost(Duration.ofSeconds(30))
        .until(() -> log.read(com.towerco.platform.dlq.DeadLetterFilter.ALL).letters().size() == 3);

    List<JsonNode> failed = jsonLines(cli("dlq", "list", "--reason", "PROCESSING_FAILED", "--json"));
    assertThat(failed).hasSize(1);
    JsonNode letter = failed.get(0);
    assertThat(letter.path("service").asText()).isEqualTo("strict");
    assertThat(letter.path("event_id").asText()).isEqualTo(failing.eventId());
    assertThat(letter.path("topic").asText()).isEqualTo(topic);
    assertThat(letter.path("detail").asText()).contains("is not known yet");
    List<JsonNode> malformed = jsonLines(cli("dlq", "list", "--reason", "MALFORMED_JSON",
        "--json"));
    assertThat(malformed).extracting(j -> j.path("service").asText())
        .containsExactlyInAnyOrder("strict", "tolerant");
    assertThat(jsonLines(cli("dlq", "list", "--service", "tolerant", "--json"))).hasSize(1);
    assertThat(jsonLines(cli("dlq", "list", "--since", Instant.now().plusSeconds(3600)
        .toString(), "--json"))).isEmpty();
    String table = cli("dlq", "list");
    assertThat(table).contains("PROCESSING_FAILED", "MALFORMED_JSON", letter.path("id").asText());

    JsonNode shown = Json.mapper().readTree(cli("dlq", "show", letter.path("id").asText()));
    assertThat(shown.path("headers").path("dlq.reason").asText()).isEqualTo("PROCESSING_FAILED");
    assertThat(shown.path("headers").path("dlq.service").asText()).isEqualTo("strict");
    assertThat(shown.path("value").asText()).contains(failing.eventId());
    assertThat(shown.hasNonNull("redrive")).as("not re-driven yet").isFalse();

    // the fix is deployed: the strict service knows the site now
    strict.failOnSite = null;
    String id = letter.path("id").asText();
    assertThat(cli("dlq", "replay", id)).contains("re-drove " + id);
    await().atMost(Duration.ofSeconds(30)).until(() -> strict.count(failing.eventId()) == 1);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> duplicatesSkipped(context, "tolerant") == 1);
    assertThat(tolerant.count(failing.eventId())).as("the tolerant service had it already")
        .isEqualTo(1);

    long end = endOffset(context, topic);
    assertThat(cli("dlq", "replay", id)).contains("already re-driven " + id);
    assertThat(endOffset(context, topic)).as("a second replay sends nothing").isEqualTo(end);
    JsonNode afterwards = Json.mapper().readTree(cli("dlq", "show", id));
    assertThat(afterwards.path("redrive").path("topic").asText()).isEqualTo(topic);

    // a malformed record, corrected by hand, replayed from both services' dead letters
    Path fixedValue = Files.createTempFile("corrected", ".json");
    Files.write(fixedValue, CODEC.encode(corrected));
    for (JsonNode bad : malformed) {
      assertThat(cli("dlq", "replay", bad.path("id").asText(), "--value-file",
          fixedValue.toString())).contains("with the corrected value");
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> strict.count(corrected.eventId()) == 1
        && tolerant.count(corrected.eventId()) == 1);
    Thread.sleep(1_000);
    assertThat(strict.count(corrected.eventId())).isEqualTo(1);
    assertThat(tolerant.count(corrected.eventId())).isEqualTo(1);

    JsonNode summary = summaryOverHttp(context);
    assertThat(summary.path("total").asInt()).isEqualTo(3);
    assertThat(summary.path("redriven").asInt()).isEqualTo(3);
    assertThat(summary.path("by_reason").path("MALFORMED_JSON").asInt()).isEqualTo(2);
    assertThat(summary.path("by_reason").path("PROCESSING_FAILED").asInt()).isEqualTo(1);
    assertThat(summary.path("by_service").path("strict").asInt()).isEqualTo(2);
    assertThat(summary.path("samples").path("PROCESSING_FAILED").path("event_id").asText())
        .isEqualTo(failing.eventId());
  }

  private static void start(ServiceContext context, String name, CountingService service) {
    kafka.closeAfterAll(new ConsumerService(context, name, name + "-group",
        TopicFamily.SITE_EVENTS.pattern(), outputs -> service.handler(outputs.metrics()), 1,
        Duration.ofMillis(200))).start();
  }

  private static Envelope event(String site) {
    return Envelope.of(EventIds.random(), "towerco", site, Instant.now(),
        new SiteConnectivity(SiteConnectivity.ConnectivityState.REACHABLE, null, null), Map.of());
  }

  private static double duplicatesSkipped(ServiceContext context, String service) {
    var counter = context.metrics().registry().find("towerco_duplicates_skipped")
        .tag("service", service).counter();
    return counter == null ? 0 : counter.count();
  }

  private static long endOffset(ServiceContext context, String topic) throws Exception {
    try (var admin = context.clients().admin()) {
      long total = 0;
      for (int p = 0; p < context.config().siteTopicPartitions(); p++) {
        total += admin.listOffsets(Map.of(new TopicPartition(topic, p),
            org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get()
            .get(new TopicPartition(topic, p)).offset();
      }
      return total;
    }
  }

  private static JsonNode summaryOverHttp(ServiceContext context) throws Exception {
    HttpResponse<String> asTenant = getSummary(context, ctx -> Caller.tenant("ana", "altel"));
    assertThat(asTenant.statusCode()).as("dead letters hold every tenant's records")
        .isEqualTo(403);
    HttpResponse<String> asNoc = getSummary(context, Authenticator.openAccess());
    assertThat(asNoc.statusCode()).isEqualTo(200);
    return Json.mapper().readTree(asNoc.body());
  }

  private static HttpResponse<String> getSummary(ServiceContext context,
      Authenticator authenticator) throws Exception {
    try (WebServer web = WebServer.start(0, context.metrics(), () -> true, authenticator,
        List.of(new DeadLetterApi(new DeadLetterLog(context.clients(), Clock.systemUTC()),
            Clock.systemUTC())))) {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          "http://localhost:" + web.port() + DeadLetterApi.PATH)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  /** Runs the real command line against the test broker; returns what it printed. */
  private static String cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--bootstrap-servers");
    all.add(kafka.bootstrapServers());
    // The command's own writer, not System.out: the services this test runs log to the
    // console from their threads, and a log line in the captured output is not the command's.
    java.io.StringWriter out = new java.io.StringWriter();
    int code = new CommandLine(new Towerco()).setOut(new java.io.PrintWriter(out, true))
        .execute(all.toArray(String[]::new));
    assertThat(code).as(String.join(" ", all) + "\n" + out).isZero();
    return out.toString();
  }

  private static List<JsonNode> jsonLines(String text) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(Json.mapper().readTree(line));
      }
    }
    return lines;
  }
}
