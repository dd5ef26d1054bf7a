package com.towerco.ingest.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.EventIds;
import com.towerco.events.Json;
import com.towerco.events.RejectReason;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How traps become X.733 alarms ({@code site.alarm} in the device format), read from a mapping
 * file (see the module README and {@code snmp/generic-power.yaml}): which varbind (or which
 * agent address) names the site, and per trap OID the alarm it raises or clears. A raise and
 * its clear share an {@code alarm}: the alarm id is that key, so the clear names the alarm it
 * clears. Unknown trap OIDs and traps without a site are rejected with the reason.
 */
public final class TrapMapping {

  /** The mapping file. */
  public record Spec(
      @JsonProperty("site_id_varbind") String siteIdVarbind,
      @JsonProperty("agents") Map<String, String> agents,
      @JsonProperty("traps") List<TrapSpec> traps) {}

  /** One trap OID and the alarm it raises or clears. */
  public record TrapSpec(
      @JsonProperty("oid") String oid,
      @JsonProperty("name") String name,
      @JsonProperty("state") String state,
      @JsonProperty("alarm") String alarm,
      @JsonProperty("probable_cause") String probableCause,
      @JsonProperty("severity") String severity,
      @JsonProperty("event_type") String eventType,
      @JsonProperty("specific_problem") String specificProblem,
      @JsonProperty("managed_object") String managedObject,
      @JsonProperty("text_varbind") String textVarbind) {}

  /** A trap mapped to a device message, or why it could not be. */
  public sealed interface Result {}

  /** The device message (a {@code site.alarm}) for the edge contract. */
  public record Mapped(ObjectNode message) implements Result {}

  /** Not mappable: the reason and detail for the dead-letter topic. */
  public record Unmapped(RejectReason reason, String detail) implements Result {}

  private final String siteIdVarbind;
  private final Map<String, String> agents;
  private final Map<String, TrapSpec> byOid = new HashMap<>();

  public TrapMapping(Spec spec) {
    this.siteIdVarbind = strip(spec.siteIdVarbind());
    this.agents = spec.agents() == null ? Map.of() : Map.copyOf(spec.agents());
    if (siteIdVarbind == null && agents.isEmpty()) {
      throw new IllegalArgumentException("a trap mapping needs site_id_varbind or agents");
    }
    for (TrapSpec trap : Objects.requireNonNull(spec.traps(), "traps")) {
      for (String field : new String[] {trap.oid(), trap.state(), trap.alarm(),
          trap.probableCause(), trap.severity(), trap.eventType(), trap.specificProblem(),
          trap.managedObject()}) {
        if (field == null || field.isBlank()) {
          throw new IllegalArgumentException("trap " + trap.name() + " (" + trap.oid()
              + ") needs oid, state, alarm, probable_cause, severity, event_type, "
              + "specific_problem and managed_object");
        }
      }
      if (byOid.put(strip(trap.oid()), trap) != null) {
        throw new IllegalArgumentException("trap OID " + trap.oid() + " is mapped twice");
      }
    }
  }

  /**
   * The trap OID that raises ({@code raised}) or clears an alarm of this probable cause (its
   * wire name, e.g. {@code commercialPowerFailure}): what a device speaking this mapping sends.
   */
  public java.util.Optional<String> oidFor(String probableCause, boolean raised) {
    String state = raised ? "raised" : "cleared";
    return byOid.entrySet().stream().filter(e -> e.getValue().probableCause()
        .equals(probableCause) && e.getValue().state().equals(state)).map(Map.Entry::getKey)
        .sorted().findFirst();
  }

  /** The varbind that names the site, if the mapping uses one. */
  public java.util.Optional<String> siteIdVarbind() {
    return java.util.Optional.ofNullable(siteIdVarbind);
  }

  /** The trap OIDs this mapping knows. */
  public int size() {
    return byOid.size();
  }

  public Result map(Trap trap, Instant receivedAt) {
    TrapSpec spec = byOid.get(strip(trap.trapOid()));
    if (spec == null) {
      return new Unmapped(RejectReason.UNKNOWN_EVENT_TYPE, "no mapping for trap OID "
          + trap.trapOid() + " (add it to the mapping file)");
    }
    String site = siteIdVarbind == null ? null : trap.varbinds().get(siteIdVarbind);
    if (site == null) {
      site = agents.get(trap.agent());
    }
    if (site == null) {
      return new Unmapped(RejectReason.MISSING_FIELD, "trap " + spec.name() + " from "
          + trap.agent() + " names no site: no varbind " + siteIdVarbind
          + " and the agent is not in the mapping's agents");
    }
    boolean raised = spec.state().equals("raised");
    ObjectNode payload = Json.mapper().createObjectNode();
    payload.put("alarm_id", spec.alarm());
    payload.put("state", spec.state());
    payload.put("perceived_severity", raised ? spec.severity() : "cleared");
    payload.put("event_type", spec.eventType());
    payload.put("probable_cause", spec.probableCause());
    payload.put("specific_problem", spec.specificProblem());
    payload.put("managed_object", spec.managedObject());
    String text = spec.textVarbind() == null ? null : trap.varbinds().get(strip(
        spec.textVarbind()));
    if (text != null && !text.isBlank()) {
      payload.put("additional_text", text.length() > 1000 ? text.substring(0, 1000) : text);
    }
    ObjectNode message = Json.mapper().createObjectNode();
    message.put("event_id", EventIds.derived("snmp", trap.agent(), trap.trapOid(),
        String.valueOf(trap.upTime()), String.valueOf(trap.requestId())));
    message.put("site_id", site);
    message.put("type", "site.alarm");
    message.put("timestamp", receivedAt.toString());
    message.set("payload", payload);
    return new Mapped(message);
  }

  private static String strip(String oid) {
    return oid == null ? null : oid.startsWith(".") ? oid.substring(1) : oid;
  }
}
