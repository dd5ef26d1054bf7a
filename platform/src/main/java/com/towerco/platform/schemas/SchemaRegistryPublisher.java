package com.towerco.platform.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.EventCatalog;
import com.towerco.events.EventSchemas;
import com.towerco.events.EventType;
import com.towerco.events.Json;
import com.towerco.events.contract.Version;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Registers the bundled event schemas with a Confluent-compatible schema registry (Confluent,
 * Redpanda, Apicurio and Karapace serve this API) when one is configured; without one, the
 * schemas bundled in the jar stay authoritative and nothing here runs. One subject per event
 * type and major version ({@code towerco.site.telemetry.v1}), because a major version is a new
 * contract; its minor versions are registered in order under it with {@code BACKWARD_TRANSITIVE}
 * compatibility, which is what our closed schemas can state (each minor version reads every
 * earlier one's data; that older readers also read newer data is our readers' tolerance of
 * unknown fields, which a registry cannot see). Calls: {@code PUT /config/{subject}} and
 * {@code POST /subjects/{subject}/versions}; registering an identical schema again is a no-op
 * on the registry's side, so every start may publish.
 */
public final class SchemaRegistryPublisher {
  /** The registry's compatibility level for every subject, see the class comment. */
  public static final String COMPATIBILITY = "BACKWARD_TRANSITIVE";
  public static final String SUBJECT_PREFIX = "towerco.";
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final String registry;
  private final String authorization;
  private final HttpClient http;
  private final Duration timeout;

  /** A registry base URL, e.g. {@code https://user:secret@registry:8081} (basic auth). */
  public SchemaRegistryPublisher(URI registry, Duration timeout) {
    String userInfo = registry.getRawUserInfo();
    this.authorization = userInfo == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        URLDecoder.decode(userInfo, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
    this.registry = (registry.getScheme() + "://" + registry.getHost()
        + (registry.getPort() < 0 ? "" : ":" + registry.getPort())
        + registry.getRawPath()).replaceAll("/+$", "");
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout).build();
    this.timeout = timeout;
  }

  /** One schema version as the registry recorded it. */
  public record Registered(String subject, String version, int id) {}

  /** Registers every type and version of the platform's catalogue, from the bundled schemas. */
  public List<Registered> publish() {
    return publish(EventCatalog.bundled(), EventSchemas::schemaOf);
  }

  /** Registers every type and version of {@code catalog}, oldest version first. */
  public List<Registered> publish(EventCatalog catalog, Function<EventType, JsonNode> schemas) {
    List<Registered> registered = new ArrayList<>();
    String configured = null;
    for (EventType type : catalog.all()) {
      String subject = subject(type);
      if (!subject.equals(configured)) {
        ObjectNode config = Json.mapper().createObjectNode().put("compatibility", COMPATIBILITY);
        call("PUT", "/config/" + encode(subject), config, subject);
        configured = subject;
      }
      ObjectNode body = Json.mapper().createObjectNode().put("schemaType", "JSON")
          .put("schema", schemas.apply(type).toString());
      JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", body, subject
          + " " + type.version());
      registered.add(new Registered(subject, type.version(), answer.path("id").asInt()));
    }
    return registered;
  }

  /** The subject of a type's major version, e.g. {@code towerco.site.telemetry.v1}. */
  public static String subject(EventType type) {
    return SUBJECT_PREFIX + type.name() + ".v" + Version.parse(type.version()).major();
  }

  private JsonNode call(String method, String path, JsonNode body, String what) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry + path))
        .timeout(timeout)
        .header("Content-Type", CONTENT_TYPE)
        .header("Accept", CONTENT_TYPE)
        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("schema registry " + registry + " unreachable while "
          + "registering " + what + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while registering " + what, e);
    }
    JsonNode answer = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      String why = answer.path("message").asText(response.body());
      throw new IllegalStateException("schema registry " + registry + " refused " + what
          + " (HTTP " + response.statusCode() + (response.statusCode() == 409
          ? ", incompatible with what it holds" : "") + "): " + why);
    }
    return answer;
  }

  private static JsonNode parse(String body) {
    try {
      return Json.mapper().readTree(body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      return Json.mapper().createObjectNode();
    }
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8);
  }
}
