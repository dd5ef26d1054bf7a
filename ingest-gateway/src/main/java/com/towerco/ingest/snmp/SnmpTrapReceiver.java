package com.towerco.ingest.snmp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.Json;
import com.towerco.ingest.domain.Arrival;
import com.towerco.ingest.domain.EdgeContract;
import com.towerco.ingest.domain.Outcome;
import com.towerco.ingest.domain.Protocol;
import com.towerco.ingest.domain.Trap;
import com.towerco.ingest.domain.TrapMapping;
import com.towerco.ingest.kafka.SiteEventWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SNMP adapter: a trap and inform receiver (SNMP4J) for v2c (communities) and v3 (USM
 * users, {@link SnmpUsers}). Each notification is mapped ({@link TrapMapping}) to a
 * {@code site.alarm} in the device format and goes through the edge contract like any message;
 * what cannot be mapped is dead-lettered with the trap, as JSON, for its raw input. An inform is
 * answered only once Kafka has it, so the sender retransmits until then (at-least-once; the
 * retransmission maps to the same event id). v1 traps and other PDUs are ignored.
 */
public final class SnmpTrapReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnmpTrapReceiver.class);

  private final EdgeContract contract;
  private final SiteEventWriter writer;
  private final TrapMapping mapping;
  private final Set<String> communities;
  private final String gatewayId;
  private final Clock clock;
  private final Snmp snmp;
  private final DefaultUdpTransportMapping transport;

  public SnmpTrapReceiver(String host, int port, EdgeContract contract, SiteEventWriter writer,
      TrapMapping mapping, Set<String> communities, SnmpUsers users, String gatewayId,
      Clock clock) {
    this.contract = contract;
    this.writer = writer;
    this.mapping = mapping;
    this.communities = Set.copyOf(communities);
    this.gatewayId = gatewayId;
    this.clock = clock;
    try {
      transport = new DefaultUdpTransportMapping(new UdpAddress(host + "/" + port));
      MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
      dispatcher.addMessageProcessingModel(new MPv2c());
      USM usm = new USM(SecurityProtocols.getInstance().addDefaultProtocols(),
          new OctetString(MPv3.createLocalEngineID()), 0);
      users.addTo(usm);
      dispatcher.addMessageProcessingModel(new MPv3(usm));
      snmp = new Snmp(dispatcher, transport);
      snmp.addCommandResponder(new Responder());
      snmp.listen();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for SNMP traps on udp " + host + ":" + port,
          e);
    }
    LOG.info("SNMP trap receiver on udp {}:{} ({} trap mappings, v2c communities {}, {} v3 "
        + "users)", host, port(), mapping.size(), communities.size(), users.size());
  }

  /** The UDP port it listens on. */
  public int port() {
    return transport.getListenAddress().getPort();
  }

  /** False once the listening thread stopped (its socket failed or it was closed). */
  public boolean isLive() {
    return transport.isListening();
  }

  @Override
  public void close() {
    try {
      snmp.close();
    } catch (IOException e) {
      LOG.debug("closing the trap receiver: {}", e.getMessage());
    }
  }

  private final class Responder implements CommandResponder {
    @Override
    public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
      PDU pdu = event.getPDU();
      if (pdu == null || (pdu.getType() != PDU.TRAP && pdu.getType() != PDU.INFORM)) {
        return;
      }
      event.setProcessed(true);
      if (event.getMessageProcessingModel() == org.snmp4j.mp.MessageProcessingModel.MPv2c
          && !communities.contains(new String(event.getSecurityName(),
              StandardCharsets.UTF_8))) {
        LOG.warn("SNMP notification from {} with an unknown community ignored",
            event.getPeerAddress());
        return;
      }
      Trap trap = trap(event.getPeerAddress(), pdu);
      byte[] raw = raw(trap);
      Arrival arrival = new Arrival(Protocol.SNMP, gatewayId, "snmp:" + trap.agent(), null,
          null, raw);
      TrapMapping.Result mapped = mapping.map(trap, clock.instant());
      Outcome outcome = mapped instanceof TrapMapping.Mapped m
          ? contract.check(arrival, m.message())
          : new Outcome.Rejected(((TrapMapping.Unmapped) mapped).reason(),
              ((TrapMapping.Unmapped) mapped).detail(), null);
      try {
        writer.write(arrival, outcome).whenComplete((written, error) -> {
          if (error != null) {
            LOG.error("Kafka write failed for a trap from {}; an inform is not answered, so "
                + "its sender retries", trap.agent(), error);
          } else if (pdu.getType() == PDU.INFORM) {
            respond(event);
          }
        });
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static <A extends org.snmp4j.smi.Address> void respond(
      CommandResponderEvent<A> event) {
    PDU response = event.getPDU();
    response.setType(PDU.RESPONSE);
    response.setErrorStatus(PDU.noError);
    response.setErrorIndex(0);
    try {
      event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(),
          event.getSecurityModel(), event.getSecurityName(), event.getSecurityLevel(),
          response, event.getMaxSizeResponsePDU(), event.getStateReference(),
          new StatusInformation());
    } catch (org.snmp4j.MessageException e) {
      LOG.warn("could not answer an inform from {}: {}", event.getPeerAddress(),
          e.getMessage());
    }
  }

  private static Trap trap(org.snmp4j.smi.Address peer, PDU pdu) {
    Map<String, String> varbinds = new LinkedHashMap<>();
    String trapOid = null;
    String upTime = null;
    for (VariableBinding vb : pdu.getVariableBindings()) {
      if (vb.getOid().equals(SnmpConstants.snmpTrapOID)) {
        trapOid = vb.getVariable().toString();
      } else if (vb.getOid().equals(SnmpConstants.sysUpTime)) {
        upTime = vb.getVariable().toString();
      } else {
        varbinds.put(vb.getOid().toDottedString(), vb.getVariable().toString());
      }
    }
    String agent = peer instanceof IpAddress ip ? ip.getInetAddress().getHostAddress()
        : String.valueOf(peer);
    return new Trap(agent, trapOid == null ? "" : trapOid, varbinds, upTime,
        pdu.getRequestID().toInt());
  }

  /** The trap as JSON: what the dead-letter topic keeps as its raw input. */
  private static byte[] raw(Trap trap) {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("agent", trap.agent());
    json.put("trap_oid", trap.trapOid());
    json.put("sys_up_time", trap.upTime());
    json.put("request_id", trap.requestId());
    ArrayNode varbinds = json.putArray("varbinds");
    trap.varbinds().forEach((oid, value) -> varbinds.addObject().put("oid", oid)
        .put("value", value));
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }
}
