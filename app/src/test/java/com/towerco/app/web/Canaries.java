package com.towerco.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.alert.AlertSeverity;
import com.towerco.events.payload.incident.AcknowledgeIncident;
import com.towerco.events.payload.incident.OpenIncident;
import com.towerco.events.payload.incident.RankedCause;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.runtime.ServiceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Data a role must never see, seeded into a running platform: an incident shared by both
 * tenants (each at a site of its own) with an internal note, a refused command, a dispatch to
 * each tenant's site, a candidate cause at each and each tenant's alert among its symptoms
 * (and as evidence of the headline cause); an alert, a webhook receiver (its URL and token)
 * with a delivery attempt, and a silence of each tenant. {@link #secretsOf} lists every string that must not reach one tenant; the
 * note shared with the tenants is the step both must see, so a check that sees nothing fails.
 */
final class Canaries {
  static final String OPERATOR = PlatformConfig.DEFAULT_OPERATOR_TENANT;
  static final List<String> TENANTS = List.of(RunningPlatform.OWN, RunningPlatform.FOREIGN);

  final String sharedIncident;
  private final String tag = EventIds.random().substring(0, 8);
  private final Map<String, String> siteOf;
  private final Map<String, String> incidentOf;
  private final String rootSite;

  /**
   * @param siteOf a site of each tenant that the other has no tenancy on
   * @param incidentOf an incident that concerns each tenant only
   * @param rootSite a site both tenants lease, or neither: the shared incident's headline
   */
  Canaries(Map<String, String> siteOf, Map<String, String> incidentOf, String rootSite) {
    this.siteOf = Map.copyOf(siteOf);
    this.incidentOf = Map.copyOf(incidentOf);
    this.rootSite = rootSite;
    this.sharedIncident = "inc-shared-" + tag;
  }

  String internalNote() {
    return "CANARY-INTERNAL-NOTE-" + tag;
  }

  String sharedNote() {
    return "shared-note-" + tag;
  }

  String refusedCommand() {
    return "canary-refused-" + tag;
  }

  private String refusedBy() {
    return "canary-night-shift-" + tag;
  }

  private String of(String what, String tenant) {
    return "CANARY-" + what + "-" + tenant.toUpperCase(Locale.ROOT) + "-" + tag;
  }

  String alertOf(String tenant) {
    return alertId(tenant);
  }

  private String alertId(String tenant) {
    return "alert-canary-" + tenant + "-" + tag;
  }

  private String receiver(String tenant) {
    return "canary-receiver-" + tenant + "-" + tag;
  }

  /** The path of a tenant's webhook: its receiver URL is the tenant's own. */
  String hookPath(String tenant) {
    return "canary-hook-" + tenant + "-" + tag;
  }

  /** The token a tenant's webhook sends. */
  String hookToken(String tenant) {
    return of("TOKEN", tenant);
  }

  String receiverOf(String tenant) {
    return receiver(tenant);
  }

  /** The strings {@code tenant} must never be shown: the other's, and the NOC's own. */
  List<String> secretsOf(String tenant) {
    String other = TENANTS.stream().filter(t -> !t.equals(tenant)).findFirst().orElseThrow();
    return List.of(other, siteOf.get(other), incidentOf.get(other), alertId(other),
        of("ALERT", other), of("CAUSE", other), receiver(other), hookPath(other),
        hookToken(other), of("SILENCE", other), of("DISPATCH", other), internalNote(),
        refusedCommand(), refusedBy());
  }

  /** Every secret of every tenant: what someone not logged in may not see either. */
  List<String> all() {
    return TENANTS.stream().flatMap(t -> secretsOf(t).stream()).distinct().toList();
  }

  /**
   * Seeds each tenant's alert, routing and silence and opens the shared incident. Its steps
   * come from {@link #steps}, so a live stream opened in between carries them.
   */
  void seed(RunningPlatform p, ServiceContext kafka) {
    String sharedAlert = "alert-shared-" + tag;
    List<String> alerts = new ArrayList<>(List.of(sharedAlert));
    Map<String, String> alertSites = new HashMap<>(Map.of(sharedAlert, rootSite));
    TENANTS.forEach(t -> alerts.add(alertId(t)));
    TENANTS.forEach(t -> alertSites.put(alertId(t), siteOf.get(t)));
    List<RankedCause> causes = new ArrayList<>(List.of(cause(rootSite, "the shared cause",
        alerts)));
    for (String tenant : TENANTS) {
      // a webhook the destination guard refuses (loopback): a delivery attempt with an outcome
      expect(p.noc.send("PUT", "/api/v1/notifications/routing?tenant=" + tenant,
          "{\"receivers\":[{\"name\":\"" + receiver(tenant) + "\",\"type\":\"webhook\","
              + "\"url\":\"http://127.0.0.1:9/" + hookPath(tenant) + "\",\"headers\":"
              + "{\"Authorization\":\"Bearer " + hookToken(tenant) + "\"}}],"
              + "\"routes\":[{\"name\":\"all\",\"group_wait\":\"PT0S\",\"receivers\":[\""
              + receiver(tenant) + "\"]}]}"), 200);
      expect(p.noc.send("POST", "/api/v1/notifications/silences?tenant=" + tenant,
          "{\"duration\":\"PT1H\",\"matchers\":[\"rule=canary\"],\"comment\":\""
              + of("SILENCE", tenant) + "\"}"), 201);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> TENANTS.stream().allMatch(t ->
        p.client(t).get("/api/v1/notifications/routing").body().contains(hookPath(t))));
    try (KafkaProducer<String, byte[]> producer = kafka.clients().producer("canaries-" + tag)) {
      for (String tenant : TENANTS) {
        String site = siteOf.get(tenant);
        causes.add(cause(site, of("CAUSE", tenant), List.of(alertId(tenant))));
        send(producer, kafka, TopicFamily.ALERT_NOTIFICATIONS, tenant, null, new AlertFiring(
            alertId(tenant), "fp-" + alertId(tenant), "door_open", AlertSeverity.MINOR,
            of("ALERT", tenant), site, "canary-region", null, List.of(tenant), Map.of(),
            Instant.now(), List.of()));
      }
      send(producer, kafka, TopicFamily.INCIDENT_COMMANDS, OPERATOR, null, new OpenIncident(
          sharedIncident, "mains failure at " + rootSite, AlertSeverity.MAJOR,
          causes.get(0).headline(), alerts,
          List.of(rootSite, siteOf.get(TENANTS.get(0)), siteOf.get(TENANTS.get(1))), TENANTS,
          Instant.now(), causes, alertSites));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> TENANTS.stream().allMatch(t ->
        p.client(t).get("/api/v1/incidents/" + sharedIncident).status() == 200
            && p.client(t).get("/api/v1/dashboard/incidents/" + sharedIncident).status() == 200));
  }

  /**
   * The shared incident's steps as the NOC takes them: an internal note, a dispatch to each
   * tenant's own site, a command refused for its stale version (sent as a command event, as a
   * concurrent writer's would be), and last the note shared with the tenants.
   */
  void steps(RunningPlatform p, ServiceContext kafka) {
    command(p, "/notes", "\"text\":\"" + internalNote() + "\",\"shared_with_tenants\":false");
    for (String tenant : TENANTS) {
      command(p, "/dispatches", "\"site_id\":\"" + siteOf.get(tenant) + "\",\"reason\":\""
          + of("DISPATCH", tenant) + "\"");
    }
    try (KafkaProducer<String, byte[]> producer = kafka.clients().producer("canary-" + tag)) {
      send(producer, kafka, TopicFamily.INCIDENT_COMMANDS, OPERATOR, refusedCommand(),
          new AcknowledgeIncident(sharedIncident, 9_999, refusedBy(), null));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> p.noc.get("/api/v1/incidents/"
        + sharedIncident + "/events").body().contains(refusedCommand()));
    command(p, "/notes", "\"text\":\"" + sharedNote() + "\",\"shared_with_tenants\":true");
  }

  private void command(RunningPlatform p, String path, String fields) {
    int version = p.noc.get("/api/v1/incidents/" + sharedIncident).json().path("version")
        .asInt();
    ApiClient.Response r = p.noc.send("POST", "/api/v1/incidents/" + sharedIncident + path,
        "{\"expected_version\":" + version + "," + fields + "}");
    assertThat(r.status()).as(path + ": " + r).isIn(200, 202);
  }

  private static void expect(ApiClient.Response r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
  }

  private static RankedCause cause(String site, String description, List<String> evidence) {
    return new RankedCause(site, "mains_failure", description, 0.5, "mains->battery",
        evidence);
  }

  /** Sends one event; {@code eventId} null for a fresh one. Keyed by the payload's id. */
  private static void send(KafkaProducer<String, byte[]> producer, ServiceContext kafka,
      TopicFamily family, String tenant, String eventId, Payload payload) {
    Envelope event = Envelope.of(eventId == null ? EventIds.random() : eventId, tenant, "",
        Instant.now(), payload, Map.of("producer", "canaries"));
    String key = payload instanceof AlertFiring a ? a.alertId()
        : payload instanceof OpenIncident o ? o.incidentId()
        : ((AcknowledgeIncident) payload).incidentId();
    try {
      producer.send(new ProducerRecord<>(kafka.topics().ensure(family, tenant), key,
          new EventCodec().encode(event))).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not seed " + payload, e);
    }
  }

  /** A site both tenants lease, or neither: where a cause may be named to both. */
  static String sharedOrNeutralSite(JsonNode sites) {
    for (JsonNode s : sites) {
      Set<String> tenants = new HashSet<>();
      s.path("tenancies").forEach(t -> tenants.add(t.asText()));
      tenants.retainAll(Set.copyOf(TENANTS));
      if (tenants.size() != 1) {
        return s.path("site_id").asText();
      }
    }
    throw new AssertionError("no site both tenants (or neither) lease: " + sites);
  }
}
