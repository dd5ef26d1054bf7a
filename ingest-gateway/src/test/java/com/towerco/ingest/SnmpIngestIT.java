package com.towerco.ingest;

import static com.towerco.testing.SiteBuilder.aSite;
import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.events.Envelope;
import com.towerco.events.TopicFamily;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.ingest.kafka.SiteEventWriter;
import com.towerco.platform.kafka.DeadLetters;
import com.towerco.platform.runtime.ServiceContext;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.testing.EventFeeder;
import com.towerco.testing.KafkaExtension;
import com.towerco.testing.TopicReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/** Real SNMP traps and informs (v2c and v3 USM, sent with SNMP4J over UDP) into Kafka. */
class SnmpIngestIT {
  private static final String MIB = "1.3.6.1.4.1.32473.";
  private static final String SITE_VARBIND = MIB + "1.1.1.0";

  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static IngestGatewayService gateway;
  private static Snmp sender;

  @BeforeAll
  static void startTheGatewayAndASender() throws IOException {
    ServiceContext context = kafka.context();
    try (EventFeeder feeder = new EventFeeder(context)) {
      feeder.register("T1", aSite().withTenant("altel").build(), Instant.now());
      feeder.flush();
    }
    gateway = (IngestGatewayService) new IngestGatewayServiceFactory().create(context,
        new ServiceSettings(Map.of("ingest.mqtt-url", "off", "ingest.gateway-id", "gw-snmp",
            "ingest.snmp-port", "0", "ingest.snmp-communities", "tower-ro",
            "ingest.snmp-users", "ops:SHA256:auth-pass-1:AES128:priv-pass-1")));
    gateway.start();
    USM usm = new USM(SecurityProtocols.getInstance().addDefaultProtocols(),
        new OctetString(MPv3.createLocalEngineID()), 0);
    usm.addUser(new OctetString("ops"), new UsmUser(new OctetString("ops"),
        AuthHMAC192SHA256.ID, new OctetString("auth-pass-1"), PrivAES128.ID,
        new OctetString("priv-pass-1")));
    MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv2c());
    dispatcher.addMessageProcessingModel(new MPv3(usm));
    sender = new Snmp(dispatcher, new DefaultUdpTransportMapping());
    sender.listen();
  }

  @AfterAll
  static void stop() throws IOException {
    sender.close();
    gateway.close();
  }

  @Test
  void v2cAndV3NotificationsBecomeAlarmsAndWhatCannotBeMappedIsDeadLettered() throws Exception {
    sendV2c(PDU.TRAP, "tower-ro", MIB + "1.0.1", "T1", 100, "Phase L1 lost");
    ResponseEvent<UdpAddress> inform = sendV2c(PDU.INFORM, "tower-ro", MIB + "2.0.1", "T1",
        200, "crank attempts exhausted");
    sendV3Trap(MIB + "1.0.7", "T1", 300);
    sendV2c(PDU.TRAP, "tower-ro", MIB + "1.0.2", "T1", 400, null);
    sendV2c(PDU.TRAP, "not-ours", MIB + "1.0.1", "T1", 500, null);
    sendV2c(PDU.TRAP, "tower-ro", MIB + "9.0.9", "T1", 600, null);
    sendV2c(PDU.TRAP, "tower-ro", MIB + "1.0.3", "T404", 700, null);

    assertThat(inform.getResponse()).as("the inform is answered once Kafka has it").isNotNull();
    assertThat(inform.getResponse().getType()).isEqualTo(PDU.RESPONSE);
    try (TopicReader events = TopicReader.sites(kafka.bootstrapServers(), "T1");
         TopicReader dlq = new TopicReader(kafka.bootstrapServers(),
             Pattern.compile(Pattern.quote(TopicFamily.DEAD_LETTER.topic())))) {
      events.readUntil(r -> r.size() >= 4, Duration.ofSeconds(30));
      List<SiteAlarm> alarms = events.readFor(Duration.ofSeconds(1)).isEmpty() ? List.of()
          : events.events().stream().map(e -> e.payloadAs(SiteAlarm.class)).toList();
      assertThat(alarms).extracting(SiteAlarm::probableCause).containsExactly(
          SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE,
          SiteAlarm.ProbableCause.GENERATOR_FAILURE,
          SiteAlarm.ProbableCause.LOW_BATTERY_THRESHOLD,
          SiteAlarm.ProbableCause.COMMERCIAL_POWER_FAILURE);
      assertThat(alarms.get(0).state()).isEqualTo(SiteAlarm.AlarmState.RAISED);
      assertThat(alarms.get(0).additionalText()).isEqualTo("Phase L1 lost");
      assertThat(alarms.get(1).perceivedSeverity())
          .isEqualTo(SiteAlarm.PerceivedSeverity.CRITICAL);
      assertThat(alarms.get(3).state()).isEqualTo(SiteAlarm.AlarmState.CLEARED);
      assertThat(alarms.get(3).alarmId()).as("the clear names the alarm it clears")
          .isEqualTo(alarms.get(0).alarmId());
      assertThat(events.events()).allSatisfy(e -> assertThat(e.metadata())
          .containsEntry("source_protocol", "snmp"));

      var dead = dlq.readUntil(r -> r.stream().filter(SnmpIngestIT::fromSnmp).count() >= 2,
          Duration.ofSeconds(20)).stream().filter(SnmpIngestIT::fromSnmp).toList();
      assertThat(dead).extracting(r -> DeadLetters.header(r.headers(), DeadLetters.REASON))
          .containsExactlyInAnyOrder("UNKNOWN_EVENT_TYPE", "UNKNOWN_SITE");
      assertThat(dead).anySatisfy(r -> assertThat(new String(r.value(),
          StandardCharsets.UTF_8)).contains(MIB + "9.0.9").contains("\"varbinds\""));
    }
  }

  @Test
  void anInformRetransmittedKeepsItsEventId() throws Exception {
    PDU pdu = notification(new PDU(), PDU.INFORM, MIB + "1.0.11", "T1", 9_000, null);
    ResponseEvent<UdpAddress> first = sender.send(pdu, community("tower-ro"));
    ResponseEvent<UdpAddress> again = sender.send(pdu, community("tower-ro"));
    assertThat(first.getResponse()).isNotNull();
    assertThat(again.getResponse()).isNotNull();
    try (TopicReader events = TopicReader.sites(kafka.bootstrapServers(), "T1")) {
      events.readUntil(r -> events.events().stream().filter(SnmpIngestIT::door).count() >= 2,
          Duration.ofSeconds(20));
      assertThat(events.events().stream().filter(SnmpIngestIT::door)
          .map(Envelope::eventId).distinct()).hasSize(1);
    }
  }

  private static boolean door(Envelope e) {
    return e.payload() instanceof SiteAlarm a
        && a.probableCause() == SiteAlarm.ProbableCause.ENCLOSURE_DOOR_OPEN;
  }

  private static boolean fromSnmp(org.apache.kafka.clients.consumer.ConsumerRecord<String,
      byte[]> r) {
    return "snmp".equals(DeadLetters.header(r.headers(), SiteEventWriter.PROTOCOL));
  }

  private static ResponseEvent<UdpAddress> sendV2c(int type, String community, String trapOid,
      String site, long upTime, String text) throws IOException {
    return sender.send(notification(new PDU(), type, trapOid, site, upTime, text),
        community(community));
  }

  private static void sendV3Trap(String trapOid, String site, long upTime) throws IOException {
    UserTarget<UdpAddress> target = new UserTarget<>();
    target.setAddress(receiver());
    target.setVersion(SnmpConstants.version3);
    target.setSecurityLevel(SecurityLevel.AUTH_PRIV);
    target.setSecurityName(new OctetString("ops"));
    sender.send(notification(new ScopedPDU(), PDU.NOTIFICATION, trapOid, site, upTime, null),
        target);
  }

  private static CommunityTarget<UdpAddress> community(String community) {
    CommunityTarget<UdpAddress> target = new CommunityTarget<>(receiver(),
        new OctetString(community));
    target.setVersion(SnmpConstants.version2c);
    target.setTimeout(3_000);
    target.setRetries(1);
    return target;
  }

  private static UdpAddress receiver() {
    return new UdpAddress("127.0.0.1/" + gateway.snmpPort());
  }

  private static PDU notification(PDU pdu, int type, String trapOid, String site, long upTime,
      String text) {
    pdu.setType(type);
    pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(upTime)));
    pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, new OID(trapOid)));
    pdu.add(new VariableBinding(new OID(SITE_VARBIND), new OctetString(site)));
    if (text != null) {
      pdu.add(new VariableBinding(new OID(MIB + "1.1.2.0"), new OctetString(text)));
    }
    return pdu;
  }
}
