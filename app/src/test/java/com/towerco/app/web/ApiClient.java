package com.towerco.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Calls the HTTP API as one user (a Bearer token from the login API) or as nobody. */
final class ApiClient {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  final String name;
  private final String base;
  private final String token;

  private ApiClient(String name, String base, String token) {
    this.name = name;
    this.base = base;
    this.token = token;
  }

  static ApiClient anonymous(String base) {
    return new ApiClient("anonymous", base, null);
  }

  static ApiClient login(String base, String user, String password) {
    Response r = anonymous(base).send("POST", "/api/v1/auth/login",
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    if (r.status() != 200) {
      throw new AssertionError("login of " + user + " failed: " + r);
    }
    return new ApiClient(user, base, r.json().get("token").asText());
  }

  /** What came back. */
  record Response(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
          r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens a server-sent event stream and returns its status and what arrived within {@code d}. */
  Response stream(String path, Duration d) {
    return streamUntil(path, d, null, Duration.ZERO);
  }

  /**
   * Opens a server-sent event stream and reads it until {@code marker} arrived (then for
   * {@code after} more) or {@code max} passed; returns its status and what arrived.
   */
  Response streamUntil(String path, Duration max, String marker, Duration after) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "text/event-stream").GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      HttpResponse<InputStream> r = HTTP.send(request.build(),
          HttpResponse.BodyHandlers.ofInputStream());
      StringBuilder text = new StringBuilder();
      InputStream in = r.body();
      reader.submit(() -> {
        byte[] buffer = new byte[4096];
        int n;
        try {
          while ((n = in.read(buffer)) >= 0) {
            synchronized (text) {
              text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
          }
        } catch (IOException e) {
          // closed below
        }
        return null;
      });
      reader.shutdown();
      long deadline = System.nanoTime() + max.toNanos();
      while (!reader.isTerminated() && System.nanoTime() < deadline && !arrived(text, marker)) {
        reader.awaitTermination(100, TimeUnit.MILLISECONDS);
      }
      if (arrived(text, marker)) {
        reader.awaitTermination(after.toMillis(), TimeUnit.MILLISECONDS);
      }
      in.close();
      synchronized (text) {
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
            text.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      reader.shutdownNow();
    }
  }

  private static boolean arrived(StringBuilder text, String marker) {
    synchronized (text) {
      return marker != null && text.indexOf(marker) >= 0;
    }
  }
}
