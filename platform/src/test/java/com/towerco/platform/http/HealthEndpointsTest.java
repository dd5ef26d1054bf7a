package com.towerco.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.platform.metrics.PlatformMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthEndpointsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void liveAndReadyAnswerSeparatelyAndLiveTurnsFalseWhenALoopDiedForGood() throws Exception {
    AtomicBoolean live = new AtomicBoolean(true);
    AtomicBoolean ready = new AtomicBoolean(false);
    try (PlatformMetrics metrics = new PlatformMetrics();
        WebServer web = WebServer.start(0, metrics, live::get, ready::get,
            ctx -> Caller.operator("noc"), List.of())) {
      assertThat(status(web, "/health/live")).isEqualTo(200);
      assertThat(status(web, "/health/ready")).as("a broker outage: not ready, still live")
          .isEqualTo(503);

      live.set(false);
      ready.set(true);
      assertThat(status(web, "/health/live")).isEqualTo(503);
      assertThat(status(web, "/health/ready")).isEqualTo(200);
    }
  }

  private static int status(WebServer web, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
