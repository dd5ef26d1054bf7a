package com.towerco.app.system;

import static com.towerco.testing.SiteBuilder.aSite;
import static com.towerco.testing.TelemetryBuilder.aReading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.app.PlatformProcess;
import com.towerco.app.Services;
import com.towerco.events.Envelope;
import com.towerco.events.EventTypes;
import com.towerco.events.Json;
import com.towerco.events.payload.Payload;
import com.towerco.events.payload.alert.AlertFiring;
import com.towerco.events.payload.incident.IncidentOpened;
import com.towerco.events.payload.kpi.KpiComputed;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.ingest.IngestGatewayService;
import com.towerco.ingest.domain.GatewayKeys;
import com.towerco.ingest.mqtt.MqttTopicLayout;
import com.towerco.platform.http.Authenticator;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * The real path end to end: three sites, each in its own region, report through the ingest
 * gateway only: one over MQTT (the real Mosquitto), one over HTTP, one with its alarms as SNMP
 * traps (its telemetry through a vendor cloud over HTTP). Each reaches KPIs, an alert and an
 * incident of its own.
 */
class IngestEndToEndIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final MqttTopicLayout layout = new MqttTopicLayout("e2e-" + run + "/sites");
  private final String key = GatewayKeys.newKey();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void sitesReportingOverMqttHttpAndSnmpEachGetKpisAnAlertAndAnIncident() throws Exception {
    Instant base = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
    try (EventFeeder feeder = new EventFeeder(kafka.context())) {
      feeder.register("EM", aSite().inRegion("north").withTenant("altel").build(), base);
      feeder.register("EH", aSite().inRegion("south").withTenant("altel").build(), base);
      feeder.register("ES", aSite().inRegion("east").withTenant("kora").build(), base);
      feeder.flush();
    }
    Map<String, String> settings = Map.of("kpi.window", "PT10S", "kpi.grace", "PT2S",
        "aiops.settle", "PT10S", "ingest.mqtt-url", "tcp://127.0.0.1:1883",
        "ingest.mqtt-topic-root", layout.root(), "ingest.mqtt-client-id", "e2e-" + run,
        "ingest.snmp-port", "0", "ingest.snmp-communities", "tower-ro",
        "ingest.http-keys", GatewayKeys.entry("vendor-cloud", key, List.of("EH", "ES")));
    try (PlatformProcess platform = PlatformProcess.start(new PlatformProcess.Spec(
        kafka.bootstrapServers(), false, 0, kafka.dataDir().resolve("e2e"),
        Services.select(List.of("kpi", "aiops", "incidents", "ingest")),
        new ServiceSettings(settings), 0, c -> c.withTopicLayout(2, 2, (short) 1),
        Authenticator.openAccess()));
         MqttClient site = new MqttClient("tcp://127.0.0.1:1883", "e2e-site-" + run,
             new MemoryPersistence());
         Snmp snmp = new Snmp(new DefaultUdpTransportMapping())) {
      MqttConnectOptions options = new MqttConnectOptions();
      // Paho frees an in-flight slot after the publish returns: back-to-back QoS 1 publishes
      // can find the default window of 10 still full ("Too many publishes in progress")
      options.setMaxInflight(1_000);
      site.connect(options);
      snmp.listen();
      IngestGatewayService gateway = platform.services().stream()
          .filter(IngestGatewayService.class::isInstance).map(IngestGatewayService.class::cast)
          .findFirst().orElseThrow();

      telemetry(site, platform, base, 0, 30);
      publish(site, "EM", "site.alarm", base.plusSeconds(30), alarm("gen",
          SiteAlarm.ProbableCause.GENERATOR_FAILURE, SiteAlarm.PerceivedSeverity.CRITICAL));
      postBatch(platform, List.of(item("EH", "site.alarm", base.plusSeconds(30), alarm("mains",
          SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE,
          SiteAlarm.PerceivedSeverity.MAJOR))));
      trap(snmp, gateway.snmpPort(), "1.3.6.1.4.1.32473.2.0.1", "ES");
      telemetry(site, platform, base, 70, 110);

      Set<String> sites = Set.of("EM", "EH", "ES");
      try (TopicReader kpis = new TopicReader(kafka.bootstrapServers(),
          Pattern.compile("towerco\\.kpis\\..+\\.metrics"));
           TopicReader alerts = new TopicReader(kafka.bootstrapServers(),
               Pattern.compile("towerco\\.alerts\\..+\\.notifications"));
           TopicReader incidents = new TopicReader(kafka.bootstrapServers(),
               Pattern.compile("towerco\\.incidents\\..+\\.lifecycle"))) {
        kpis.readUntil(r -> sitesOf(kpis.events(EventTypes.of(KpiComputed.class).name()))
            .containsAll(sites), PATIENCE);
        alerts.readUntil(r -> sitesOf(alerts.events(EventTypes.of(AlertFiring.class).name()))
            .containsAll(sites), PATIENCE);
        incidents.readUntil(r -> incidents.events(EventTypes.of(IncidentOpened.class).name())
            .stream().map(e -> e.payloadAs(IncidentOpened.class).rootCause().siteId())
            .collect(Collectors.toSet()).containsAll(sites), PATIENCE);
        assertThat(alerts.events(EventTypes.of(AlertFiring.class).name()).stream()
            .filter(e -> e.siteId().equals("ES")).map(e -> e.payloadAs(AlertFiring.class).rule()))
            .as("the trap's alarm").contains("generator-failure");
      } finally {
        site.disconnect();
      }
    }
  }

  private static Set<String> sitesOf(List<Envelope> events) {
    return events.stream().map(Envelope::siteId).collect(Collectors.toSet());
  }

  /** Readings from base+from to base+to: EM over MQTT, EH and ES in one HTTP batch each. */
  private void telemetry(MqttClient site, PlatformProcess platform, Instant base, int from,
      int to) throws Exception {
    List<ObjectNode> batch = new java.util.ArrayList<>();
    for (int s = from; s < to; s++) {
      publish(site, "EM", "site.telemetry", base.plusSeconds(s), aReading().build());
      batch.add(item("EH", "site.telemetry", base.plusSeconds(s), aReading().build()));
      batch.add(item("ES", "site.telemetry", base.plusSeconds(s), aReading().build()));
    }
    postBatch(platform, batch);
  }

  private void publish(MqttClient site, String siteId, String type, Instant at, Payload payload)
      throws Exception {
    site.publish(layout.topic(siteId, type), Json.mapper().writeValueAsBytes(
        message(at, payload)), 1, false);
  }

  private void postBatch(PlatformProcess platform, List<ObjectNode> items) throws Exception {
    ArrayNode body = Json.mapper().createArrayNode().addAll(items);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
        "http://localhost:" + platform.httpPort() + "/api/v1/ingest/events"))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Json.mapper().readTree(response.body()).path("rejected").asInt())
        .as(response.body()).isZero();
  }

  private static void trap(Snmp snmp, int port, String trapOid, String siteId)
      throws Exception {
    PDU pdu = new PDU();
    pdu.setType(PDU.INFORM);
    pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(4242)));
    pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, new OID(trapOid)));
    pdu.add(new VariableBinding(new OID("1.3.6.1.4.1.32473.1.1.1.0"),
        new OctetString(siteId)));
    CommunityTarget<UdpAddress> target = new CommunityTarget<>(
        new UdpAddress("127.0.0.1/" + port), new OctetString("tower-ro"));
    target.setVersion(SnmpConstants.version2c);
    target.setTimeout(5_000);
    assertThat(snmp.send(pdu, target).getResponse()).as("inform answered").isNotNull();
  }

  private static ObjectNode message(Instant at, Payload payload) {
    ObjectNode message = Json.mapper().createObjectNode();
    message.put("timestamp", at.toString());
    message.set("payload", Json.mapper().valueToTree(payload));
    return message;
  }

  private static ObjectNode item(String siteId, String type, Instant at, Payload payload) {
    return message(at, payload).put("site_id", siteId).put("type", type);
  }

  private static SiteAlarm alarm(String id, SiteAlarm.ProbableCause cause,
      SiteAlarm.PerceivedSeverity severity) {
    return new SiteAlarm(id, SiteAlarm.AlarmState.RAISED, severity,
        SiteAlarm.X733EventType.EQUIPMENT, cause, cause.name(), "plant/1", null, null);
  }
}
