package com.towerco.incidents;

import static org.awaitility.Awaitility.await;

import com.towerco.events.Envelope;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.Payload;
import com.towerco.platform.http.WebServer;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The incident service on a real broker with its routes on a real HTTP server. */
final class RunningService implements AutoCloseable {
  final IncidentService service;
  final WebServer web;
  final ApiClient api;

  RunningService(ServiceContext context, ServiceSettings settings, Clock clock) {
    service = new IncidentService(context, settings, clock);
    service.start();
    web = WebServer.start(0, context.metrics(), service::isReady, ApiClient.authenticator(),
        List.of(service));
    api = new ApiClient(web.port());
    await().atMost(Duration.ofSeconds(60)).until(service::isReady);
  }

  /** Sends a command as the AIOps engine does: on the operator's command topic. */
  static void send(ServiceContext context, String key, Instant at, String siteId,
      Payload command) {
    try (ServiceContext.Outputs out = context.outputs("test-aiops", "-" + EventIds.random())) {
      TopicFamily family = TopicFamily.of(
          Envelope.of("x", "towerco", "", at, command, Map.of()).type().topic()
              .topic("towerco")).orElseThrow();
      out.publisher().publish(family, "towerco", key, Envelope.of(EventIds.derived(key,
          at.toString(), command.toString()), "towerco", siteId, at, command,
          Map.of("producer", "aiops-engine")));
      out.publisher().flush();
    }
  }

  @Override
  public void close() {
    web.close();
    service.close();
  }
}
