package com.towerco.app.sites;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.Envelope;
import com.towerco.events.Json;
import com.towerco.events.payload.site.SiteAlarm;
import com.towerco.ingest.domain.TrapMapping;
import com.towerco.simulator.EventSink;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Sites whose power systems send their alarms as SNMPv2c informs, as the trap mapping says a
 * device of that kind does (the OID raising or clearing the alarm's probable cause, the site in
 * the mapping's site varbind); an alarm the mapping has no trap for, and every other event, go
 * to {@code others} (MQTT, as an RTU would send telemetry). Informs are retried until the
 * gateway answers, which it does once Kafka has the alarm.
 */
public final class SnmpTrapSink implements EventSink, AutoCloseable {
  private final Snmp snmp;
  private final CommunityTarget<UdpAddress> target;
  private final TrapMapping mapping;
  private final EventSink others;
  private final long started = System.nanoTime();

  public SnmpTrapSink(String host, int port, String community, TrapMapping mapping,
      EventSink others) {
    this.mapping = mapping;
    this.others = others;
    try {
      snmp = new Snmp(new DefaultUdpTransportMapping());
      snmp.listen();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    target = new CommunityTarget<>(new UdpAddress(host + "/" + port),
        new OctetString(community));
    target.setVersion(SnmpConstants.version2c);
    target.setTimeout(2_000);
    target.setRetries(3);
  }

  @Override
  public void accept(Envelope event) {
    if (!(event.payload() instanceof SiteAlarm alarm) || mapping.siteIdVarbind().isEmpty()) {
      others.accept(event);
      return;
    }
    JsonNode cause = Json.mapper().valueToTree(alarm.probableCause());
    var oid = mapping.oidFor(cause.asText(), alarm.state() == SiteAlarm.AlarmState.RAISED);
    if (oid.isEmpty()) {
      others.accept(event);
      return;
    }
    PDU pdu = new PDU();
    pdu.setType(PDU.INFORM);
    pdu.add(new VariableBinding(SnmpConstants.sysUpTime,
        new TimeTicks((System.nanoTime() - started) / 10_000_000)));
    pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, new OID(oid.get())));
    pdu.add(new VariableBinding(new OID(mapping.siteIdVarbind().get()),
        new OctetString(event.siteId())));
    try {
      if (snmp.send(pdu, target).getResponse() == null) {
        throw new IllegalStateException("the gateway did not answer an inform for "
            + event.siteId());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void flush() {
    others.flush();
  }

  @Override
  public void close() {
    try {
      snmp.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
