package com.towerco.ingest.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.Envelope;
import com.towerco.events.EventCodec;
import com.towerco.events.EventIds;
import com.towerco.events.EventType;
import com.towerco.events.EventTypes;
import com.towerco.events.InvalidEventException;
import com.towerco.events.Json;
import com.towerco.events.RejectReason;
import com.towerco.events.TopicFamily;
import com.towerco.events.contract.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The edge contract: turns what a site sent (the lean device format, see the module README) into
 * an ADR envelope, or says why not. The gateway adds what a device need not know: the event id
 * (derived from the message's bytes when the device sends none, so a redelivered message gets
 * the same id and every consumer's deduplication absorbs it), the tenant (the operator's: site
 * events belong to the towerco), the event type's current version and metadata naming the
 * protocol and the gateway. The envelope is then checked by the events module's own codec, the
 * same reading every consumer does, so nothing reaches Kafka that a service would dead-letter.
 * Last, an event stamped further in the future than the allowed skew is refused: it would
 * advance every service's stream time and close everyone's windows early. An event of a site
 * that is not registered is refused ({@code UNKNOWN_SITE}); when the operator holds such events
 * for onboarding, the refusal carries the envelope it would have been, for release at
 * registration ({@link Outcome.Rejected#held()}).
 */
public final class EdgeContract {
  /** Fields of the device format. */
  static final Set<String> FIELDS = Set.of("event_id", "type", "site_id", "timestamp",
      "version", "payload");

  private final EventCodec codec;
  private final KnownSites sites;
  private final String tenantId;
  private final Duration maxFutureSkew;
  private final Clock clock;
  private final boolean holdUnknownSites;
  private final ObjectMapper mapper = Json.mapper();
  private final Map<String, EventType> siteEventTypes;

  public EdgeContract(EventCodec codec, KnownSites sites, String tenantId,
      Duration maxFutureSkew, Clock clock) {
    this(codec, sites, tenantId, maxFutureSkew, clock, false);
  }

  public EdgeContract(EventCodec codec, KnownSites sites, String tenantId,
      Duration maxFutureSkew, Clock clock, boolean holdUnknownSites) {
    this.holdUnknownSites = holdUnknownSites;
    this.codec = codec;
    this.sites = sites;
    this.tenantId = tenantId;
    this.maxFutureSkew = maxFutureSkew;
    this.clock = clock;
    this.siteEventTypes = EventTypes.all().stream()
        .filter(t -> t.topic() == TopicFamily.SITE_EVENTS)
        .collect(Collectors.groupingBy(EventType::name)).values().stream()
        .map(versions -> versions.stream()
            .max(Comparator.comparing((EventType t) -> Version.parse(t.version()))).orElseThrow())
        .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
  }

  /** The largest message accepted, in bytes (the codec's limit). */
  public int maxBytes() {
    return codec.maxBytes();
  }

  /** The site event types a device may send, by name, at their current version. */
  public Set<String> siteEventTypes() {
    return siteEventTypes.keySet();
  }

  public Outcome check(Arrival arrival) {
    byte[] raw = arrival.raw();
    if (raw == null || raw.length == 0) {
      return reject(RejectReason.MALFORMED_JSON, "the message is empty", arrival.siteId());
    }
    if (raw.length > codec.maxBytes()) {
      return reject(RejectReason.OVERSIZED, "the message is " + raw.length
          + " bytes; the limit is " + codec.maxBytes(), arrival.siteId());
    }
    JsonNode message;
    try {
      message = mapper.readTree(raw);
    } catch (JsonProcessingException e) {
      return reject(RejectReason.MALFORMED_JSON, e.getOriginalMessage(), arrival.siteId());
    } catch (IOException e) {
      return reject(RejectReason.MALFORMED_JSON, String.valueOf(e.getMessage()),
          arrival.siteId());
    }
    return check(arrival, message);
  }

  /** Checks a message already parsed (an item of an HTTP batch). */
  public Outcome check(Arrival arrival, JsonNode message) {
    String claimed = arrival.siteId();
    if (message == null || !message.isObject()) {
      return reject(RejectReason.WRONG_TYPE, "a message must be a JSON object", claimed);
    }
    for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        return reject(RejectReason.SCHEMA_VIOLATION, "unknown field '" + name
            + "'; a message has " + String.join(", ", FIELDS.stream().sorted().toList()),
            claimed);
      }
    }
    String siteId = text(message, "site_id");
    if (siteId == null) {
      siteId = claimed;
    } else if (claimed != null && !claimed.equals(siteId)) {
      return reject(RejectReason.SCHEMA_VIOLATION, "site_id '" + siteId
          + "' is not the site of the topic ('" + claimed + "')", claimed);
    }
    if (siteId == null) {
      return reject(RejectReason.MISSING_FIELD, "missing site_id", null);
    }
    String typeName = text(message, "type");
    if (typeName == null) {
      typeName = arrival.eventType();
    } else if (arrival.eventType() != null && !arrival.eventType().equals(typeName)) {
      return reject(RejectReason.SCHEMA_VIOLATION, "type '" + typeName
          + "' is not the type of the topic ('" + arrival.eventType() + "')", siteId);
    }
    if (typeName == null) {
      return reject(RejectReason.MISSING_FIELD, "missing type", siteId);
    }
    EventType type = siteEventTypes.get(typeName);
    if (type == null) {
      return reject(RejectReason.UNKNOWN_EVENT_TYPE, "'" + typeName
          + "' is not an event a site sends; one of "
          + String.join(", ", siteEventTypes.keySet().stream().sorted().toList()), siteId);
    }
    boolean unknown = !sites.contains(siteId);
    if (unknown && !holdUnknownSites) {
      return reject(RejectReason.UNKNOWN_SITE, "site '" + siteId
          + "' is not in the inventory (register it first)", siteId);
    }
    for (String required : new String[] {"timestamp", "payload"}) {
      if (!message.hasNonNull(required)) {
        return reject(RejectReason.MISSING_FIELD, "missing " + required, siteId);
      }
    }
    String version = text(message, "version");
    String eventId = text(message, "event_id");
    ObjectNode envelope = mapper.createObjectNode();
    envelope.put("event_id", eventId != null ? eventId
        : EventIds.derived("ingest", siteId, typeName, sha256(arrival, message)));
    envelope.put("event_type", typeName);
    envelope.put("tenant_id", tenantId);
    envelope.put("site_id", siteId);
    envelope.set("timestamp", message.get("timestamp"));
    envelope.put("version", version != null ? version : type.version());
    envelope.set("payload", message.get("payload"));
    ObjectNode metadata = envelope.putObject("metadata");
    metadata.put("source", "ingest-gateway");
    metadata.put("source_protocol", arrival.protocol().wireName());
    metadata.put("gateway_id", arrival.gatewayId());
    Envelope event;
    byte[] encoded;
    try {
      encoded = mapper.writeValueAsBytes(envelope);
      event = codec.decode(encoded);
    } catch (InvalidEventException e) {
      return reject(e.reason(), e.detail(), siteId);
    } catch (JsonProcessingException e) {
      return reject(RejectReason.MALFORMED_JSON, e.getOriginalMessage(), siteId);
    }
    Instant latest = clock.instant().plus(maxFutureSkew);
    if (event.timestamp().isAfter(latest)) {
      return reject(RejectReason.FUTURE_TIMESTAMP, "timestamp " + event.timestamp()
          + " is more than " + maxFutureSkew + " ahead of the gateway's clock ("
          + clock.instant() + ")", siteId);
    }
    if (unknown) {
      return new Outcome.Rejected(RejectReason.UNKNOWN_SITE, "site '" + siteId + "' is not in "
          + "the inventory: held for onboarding (published when the site is registered)",
          siteId, encoded);
    }
    return new Outcome.Accepted(event);
  }

  private static String text(JsonNode message, String field) {
    JsonNode value = message.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }

  private String sha256(Arrival arrival, JsonNode message) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] bytes = arrival.raw() != null ? arrival.raw()
          : mapper.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(digest.digest(bytes));
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Outcome reject(RejectReason reason, String detail, String siteId) {
    return new Outcome.Rejected(reason, detail, siteId);
  }
}
