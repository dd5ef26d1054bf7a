package com.towerco.app.sites;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.towerco.events.Envelope;
import com.towerco.events.Json;
import com.towerco.simulator.EventSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A gateway posting the sites' events over HTTP in batches of up to {@code batchSize} items,
 * as a vendor cloud would; a 429 or 503 is retried after its Retry-After, anything else but 200
 * (or an item rejected) fails the run.
 */
public final class HttpSiteSink implements EventSink {
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;
  private final String key;
  private final int batchSize;
  private ArrayNode batch = Json.mapper().createArrayNode();
  private long accepted;

  public HttpSiteSink(String baseUrl, String key, int batchSize) {
    this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/ingest/events");
    this.key = key;
    this.batchSize = batchSize;
  }

  @Override
  public void accept(Envelope event) {
    batch.add(DeviceMessage.of(event, true));
    if (batch.size() >= batchSize) {
      flush();
    }
  }

  @Override
  public void flush() {
    if (batch.isEmpty()) {
      return;
    }
    String body = batch.toString();
    int items = batch.size();
    batch = Json.mapper().createArrayNode();
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response = post(body);
      if ((response.statusCode() == 429 || response.statusCode() == 503) && attempt < 100) {
        sleep(response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
        continue;
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the gateway answered " + response.statusCode() + ": "
            + response.body());
      }
      try {
        int rejected = Json.mapper().readTree(response.body()).path("rejected").asInt();
        if (rejected > 0) {
          throw new IllegalStateException(rejected + " of " + items
              + " items rejected: " + response.body());
        }
      } catch (IOException e) {
        throw new IllegalStateException("unreadable answer: " + response.body(), e);
      }
      accepted += items;
      return;
    }
  }

  /** Items the gateway accepted so far. */
  public long accepted() {
    return accepted;
  }

  private HttpResponse<String> post(String body) {
    try {
      return http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot post to " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void sleep(long seconds) {
    try {
      Thread.sleep(seconds * 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
