package com.towerco.platform.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.towerco.events.EventCatalog;
import com.towerco.events.EventSchemas;
import com.towerco.events.EventType;
import com.towerco.events.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher against a minimal registry served over real HTTP in this test: the two
 * endpoints it calls, implemented as the Confluent API documents them (schemas stored per
 * subject, identical schemas get their existing id, a locked subject answers 409 as a registry
 * does for an incompatible schema). No real registry is installable here, so compatibility
 * checking itself is the registry's and is not exercised.
 */
class SchemaRegistryPublisherTest {
  static {
    // The JDK server writes headers and body as two segments; without TCP_NODELAY each small
    // exchange waits ~40 ms for a delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private HttpServer server;
  private final Map<String, String> compatibility = new ConcurrentHashMap<>();
  private final Map<String, List<String>> subjects = new ConcurrentHashMap<>();
  private final Map<String, Integer> ids = new ConcurrentHashMap<>();
  private final List<String> authorizations = new ArrayList<>();
  private volatile String locked = "";

  @BeforeEach
  void startRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stopRegistry() {
    server.stop(0);
  }

  @Test
  void registersEveryTypeUnderOneSubjectPerMajorVersionWithBackwardTransitiveCompatibility() {
    List<SchemaRegistryPublisher.Registered> registered = publisher("").publish();

    assertThat(registered).hasSize(EventCatalog.bundled().all().size());
    assertThat(subjects).containsKey("towerco.site.telemetry.v1");
    assertThat(compatibility).hasSize(subjects.size())
        .allSatisfy((subject, level) -> assertThat(level).isEqualTo("BACKWARD_TRANSITIVE"));
    EventType telemetry = EventCatalog.bundled().find("site.telemetry", "1.0").orElseThrow();
    assertThat(subjects.get("towerco.site.telemetry.v1"))
        .containsExactly(EventSchemas.schemaOf(telemetry).toString());
  }

  @Test
  void publishingAgainRegistersNothingNew() {
    List<SchemaRegistryPublisher.Registered> first = publisher("").publish();
    Map<String, Integer> versions = new java.util.TreeMap<>();
    subjects.forEach((subject, schemas) -> versions.put(subject, schemas.size()));
    List<SchemaRegistryPublisher.Registered> second = publisher("").publish();

    assertThat(second).isEqualTo(first);
    assertThat(subjects).allSatisfy((subject, schemas) -> assertThat(schemas)
        .as(subject + ": one schema per minor version, none added again")
        .hasSize(versions.get(subject)));
    assertThat(subjects.get("towerco.incident.opened.v1")).as("1.0 and 1.1").hasSize(2);
  }

  @Test
  void sendsTheUrlsCredentialsAsBasicAuth() {
    publisher("ops:s3cret@").publish();

    assertThat(authorizations).isNotEmpty().allSatisfy(header -> assertThat(header)
        .isEqualTo("Basic " + java.util.Base64.getEncoder()
            .encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aRefusalNamesTheSubjectAndTheRegistrysReason() {
    subjects.put("towerco.site.telemetry.v1", new ArrayList<>(List.of("{\"type\":\"object\"}")));
    locked = "towerco.site.telemetry.v1";

    assertThatThrownBy(() -> publisher("").publish())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("towerco.site.telemetry.v1 1.0")
        .hasMessageContaining("HTTP 409")
        .hasMessageContaining("Schema being registered is incompatible with an earlier schema");
  }

  @Test
  void anUnreachableRegistryIsAClearError() {
    int port = server.getAddress().getPort();
    server.stop(0);

    assertThatThrownBy(() -> new SchemaRegistryPublisher(
        URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2)).publish())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unreachable");
  }

  private SchemaRegistryPublisher publisher(String userInfo) {
    return new SchemaRegistryPublisher(URI.create("http://" + userInfo + "127.0.0.1:"
        + server.getAddress().getPort() + "/"), Duration.ofSeconds(5));
  }

  private void handle(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth != null) {
      synchronized (authorizations) {
        authorizations.add(auth);
      }
    }
    String[] path = exchange.getRequestURI().getRawPath().split("/");
    JsonNode body = Json.mapper().readTree(exchange.getRequestBody());
    String method = exchange.getRequestMethod();
    if (method.equals("PUT") && path.length == 3 && path[1].equals("config")) {
      compatibility.put(decode(path[2]), body.path("compatibility").asText());
      reply(exchange, 200, "{\"compatibility\":\"" + body.path("compatibility").asText() + "\"}");
    } else if (method.equals("POST") && path.length == 4 && path[1].equals("subjects")
        && path[3].equals("versions") && body.path("schemaType").asText().equals("JSON")) {
      String subject = decode(path[2]);
      String schema = body.path("schema").asText();
      List<String> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
      if (!versions.contains(schema) && subject.equals(locked)) {
        reply(exchange, 409, "{\"error_code\":409,\"message\":\"Schema being registered is "
            + "incompatible with an earlier schema\"}");
        return;
      }
      if (!versions.contains(schema)) {
        versions.add(schema);
      }
      int id = ids.computeIfAbsent(schema, s -> ids.size() + 1);
      reply(exchange, 200, "{\"id\":" + id + "}");
    } else {
      reply(exchange, 404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
    }
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
