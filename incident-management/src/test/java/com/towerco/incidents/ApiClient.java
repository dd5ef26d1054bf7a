package com.towerco.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Json;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.http.Caller;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the HTTP API as the NOC ({@code ada}) or as a tenant's user (header X-Tenant). */
public final class ApiClient {
  public static final String TENANT_HEADER = "X-Tenant";

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Tests authenticate with a header: a tenant user if present, else a NOC operator. */
  public static Authenticator authenticator() {
    return ctx -> {
      String tenant = ctx.header(TENANT_HEADER);
      return tenant == null ? Caller.operator("ada") : Caller.tenant("user-" + tenant, tenant);
    };
  }

  /** A response: status and body (JSON when it parses). */
  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response getAs(String tenant, String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header(TENANT_HEADER, tenant)
        .GET());
  }

  public Response post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response postAs(String tenant, String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header(TENANT_HEADER, tenant)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
