package com.towerco.incidents;

import static com.towerco.testing.SiteBuilder.aSite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Envelope;
import com.towerco.events.EventTypes;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.ClearIncident;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.incident.IncidentResolved;
import com.towerco.events.payload.incident.OpenIncident;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dispatch saga on a real broker through the HTTP API, with the service restarted in the
 * middle: the state, the saga's deadlines and the handled commands all come back from the
 * lifecycle topic, and nothing is recorded twice.
 */
class DispatchSagaIT {
  private static final Instant T0 = Instant.parse("2026-11-03T10:00:00Z");
  private static final ServiceSettings FAST = ServiceSettings.empty()
      .with("incidents.arrive-within", "PT10M").with("incidents.timer-interval", "PT0.2S");

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();
  private static ServiceContext context;

  @BeforeAll
  static void inventory() {
    context = kafka.context();
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register("H1", aSite().asHub().withTenant("gamma").build(), T0);
      feeder.register("S1", aSite().behindHub("H1").withTenant("altel").build(), T0);
      feeder.register("S2", aSite().behindHub("H1").withTenant("altel").withTenant("beta")
          .build(), T0);
      feeder.flush();
    }
    context.sites().awaitLoaded(Duration.ofSeconds(30));
    await().atMost(Duration.ofSeconds(30)).until(() -> context.sites().site("S2").isPresent());
  }

  private static OpenIncident open(String id) {
    return new OpenIncident(id, "Hub H1 transmission failure", AlertSeverity.CRITICAL,
        new IncidentOpened.RootCause("H1", "hub-transmission-failure", "2 sites lost", 0.9),
        List.of("al-" + id), List.of("S1", "S2"), List.of("altel", "beta"), T0);
  }

  @Test
  void runsAFieldDispatchToVerificationThroughARestartOfTheService() {
    MutableClock clock = new MutableClock(T0);
    RunningService first = new RunningService(context, FAST, clock);
    RunningService.send(context, "inc-1", T0, "H1", open("inc-1"));
    ApiClient.Response opened = awaitVersion(first.api, "inc-1", 1);
    assertThat(opened.json().get("status").asText()).isEqualTo("open");

    clock.advance(Duration.ofMinutes(1));
    assertThat(first.api.post("/api/v1/incidents/inc-1/acknowledge",
        "{\"expected_version\":1,\"comment\":\"on it\"}").json().get("version").asInt())
        .isEqualTo(2);
    ApiClient.Response stale = first.api.post("/api/v1/incidents/inc-1/assign",
        "{\"expected_version\":1,\"assignee\":\"power-team\"}");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body()).contains("expected version 1 but it is at version 2");
    ApiClient.Response illegal = first.api.post("/api/v1/incidents/inc-1/acknowledge",
        "{\"expected_version\":2}");
    assertThat(illegal.status()).isEqualTo(422);
    assertThat(illegal.body()).contains("already acknowledged by ada");
    assertThat(first.api.postAs("altel", "/api/v1/incidents/inc-1/acknowledge",
        "{\"expected_version\":2}").status()).as("tenants send no commands").isEqualTo(403);

    JsonNode requested = first.api.post("/api/v1/incidents/inc-1/dispatches",
        "{\"expected_version\":2,\"site_id\":\"S1\",\"reason\":\"rectifier down\"}").json();
    assertThat(requested.at("/dispatches/0/step").asText()).isEqualTo("requested");
    clock.advance(Duration.ofMinutes(2));
    JsonNode assigned = first.api.post("/api/v1/incidents/inc-1/dispatches/d1/technician",
        "{\"expected_version\":3,\"technician\":\"tom\"}").json();
    assertThat(assigned.get("version").asInt()).isEqualTo(4);
    assertThat(assigned.at("/dispatches/0/due_at").asText())
        .isEqualTo(T0.plus(Duration.ofMinutes(13)).toString());
    first.close();

    // the technician misses the arrival deadline while the service is down
    clock.advance(Duration.ofMinutes(15));
    RunningService second = new RunningService(context, FAST, clock);
    JsonNode escalated = awaitVersion(second.api, "inc-1", 5).json();
    assertThat(escalated.at("/dispatches/0/escalations").asInt()).isEqualTo(1);
    assertThat(escalated.at("/dispatches/0/step").asText()).isEqualTo("technician_assigned");

    assertThat(second.api.post("/api/v1/incidents/inc-1/dispatches/d1/arrival",
        "{\"expected_version\":5}").json().at("/dispatches/0/step").asText())
        .isEqualTo("on_site");
    RunningService.send(context, "inc-1", clock.instant(), "H1",
        new ClearIncident("inc-1", clock.instant(), "hub link restored"));
    JsonNode cleared = awaitVersion(second.api, "inc-1", 7).json();
    assertThat(cleared.get("status").asText()).as("a technician is at work").isEqualTo("acknowledged");
    assertThat(cleared.get("symptoms_cleared").asBoolean()).isTrue();
    second.api.post("/api/v1/incidents/inc-1/dispatches/d1/work-done",
        "{\"expected_version\":7,\"summary\":\"fibre spliced\"}");
    JsonNode verified = second.api.post("/api/v1/incidents/inc-1/dispatches/d1/verify",
        "{\"expected_version\":8}").json();
    assertThat(verified.at("/dispatches/0/step").asText()).isEqualTo("verified");
    assertThat(verified.get("status").asText()).isEqualTo("resolved");
    assertThat(verified.get("version").asInt()).isEqualTo(10);

    try (TopicReader reader = new TopicReader(kafka.bootstrapServers(),
        Pattern.compile(Pattern.quote("towerco.incidents.towerco.lifecycle")))) {
      reader.readUntil(r -> reader.events().stream()
          .filter(e -> e.eventType().equals(EventTypes.of(IncidentResolved.class).name()))
          .count() == 1,
          Duration.ofSeconds(30));
      List<Envelope> stream = reader.readFor(Duration.ofMillis(500)).isEmpty() ? List.of()
          : reader.events().stream().filter(e -> e.payload() instanceof
              com.towerco.events.payload.incident.IncidentEvent ie && ie.incidentId().equals("inc-1"))
              .toList();
      assertThat(stream).extracting(Envelope::eventType).containsExactly(
          "incident.opened", "incident.acknowledged", "incident.dispatch-requested",
          "incident.technician-assigned", "incident.dispatch-escalated",
          "incident.technician-on-site", "incident.symptoms-cleared",
          "incident.work-completed", "incident.work-verified", "incident.resolved");
      Set<String> ids = stream.stream().map(Envelope::eventId).collect(Collectors.toSet());
      assertThat(ids).as("nothing recorded twice").hasSize(stream.size());
    }
    assertTenantViews(second.api);
    second.close();
  }

  private static void assertTenantViews(ApiClient api) {
    JsonNode altel = api.getAs("altel", "/api/v1/incidents/inc-1").json();
    assertThat(altel.get("affected_tenants")).extracting(JsonNode::asText)
        .containsExactly("altel");
    assertThat(altel.get("affected_sites")).extracting(JsonNode::asText)
        .containsExactly("S1", "S2");
    assertThat(altel.get("status").asText()).isEqualTo("resolved");
    JsonNode beta = api.getAs("beta", "/api/v1/incidents/inc-1").json();
    assertThat(beta.get("affected_sites")).extracting(JsonNode::asText).containsExactly("S2");
    assertThat(beta.get("dispatches")).as("the dispatch went to S1, not beta's site").isEmpty();
    assertThat(api.getAs("gamma", "/api/v1/incidents/inc-1").status()).isEqualTo(404);
    JsonNode history = api.getAs("beta", "/api/v1/incidents/inc-1/events").json();
    assertThat(history.get("events")).allSatisfy(e ->
        assertThat(e.get("tenant_id").asText()).isEqualTo("beta"));
    assertThat(history.toString()).doesNotContain("altel");
  }

  @Test
  void anIncidentThatResolvesByItselfBeforeTheTechnicianArrivesCancelsTheDispatch() {
    MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(1)));
    try (RunningService running = new RunningService(context, FAST, clock)) {
      RunningService.send(context, "inc-2", clock.instant(), "H1", open("inc-2"));
      awaitVersion(running.api, "inc-2", 1);
      running.api.post("/api/v1/incidents/inc-2/dispatches",
          "{\"expected_version\":1,\"site_id\":\"S2\",\"reason\":\"check batteries\"}");
      running.api.post("/api/v1/incidents/inc-2/dispatches/d1/technician",
          "{\"expected_version\":2,\"technician\":\"sam\"}");
      RunningService.send(context, "inc-2", clock.instant(), "H1",
          new ClearIncident("inc-2", clock.instant(), "hub link restored"));

      JsonNode compensated = awaitVersion(running.api, "inc-2", 5).json();
      assertThat(compensated.get("status").asText()).isEqualTo("resolved");
      assertThat(compensated.at("/dispatches/0/step").asText()).isEqualTo("cancelled");
      JsonNode history = running.api.get("/api/v1/incidents/inc-2/events").json();
      assertThat(history.at("/events/4/event_type").asText())
          .isEqualTo("incident.dispatch-cancelled");
      assertThat(history.at("/events/4/payload/by").asText()).isEqualTo("dispatch-saga");
    }
  }

  private static ApiClient.Response awaitVersion(ApiClient api, String id, int version) {
    ApiClient.Response[] last = new ApiClient.Response[1];
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      last[0] = api.get("/api/v1/incidents/" + id);
      return last[0].status() == 200 && last[0].json().get("version").asInt() >= version;
    });
    return last[0];
  }
}
