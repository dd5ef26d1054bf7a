package com.towerco.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.towerco.events.contract.ContractViolation;
import com.towerco.events.payload.Payload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns envelopes into JSON bytes and back. Decoding never throws anything but
 * {@link InvalidEventException}, whose {@link RejectReason} says why the record is not a valid
 * event; the checks are exactly those of the JSON Schemas (proven by the contract test). The
 * envelope is read with the streaming parser and the payload straight into its record, in one
 * pass when {@code event_type} and {@code version} come before {@code payload}, as we write them;
 * the record's {@link com.towerco.events.contract.PayloadValidator} then checks it. How each
 * version is read (strictly, dropping fields of a newer minor version, or upcast from an older
 * major) is the catalogue's {@link EventCatalog#reading} decision; the decoded envelope carries
 * the version its payload now conforms to.
 */
public final class EventCodec {
  /** Default upper bound on an event's encoded size. */
  public static final int DEFAULT_MAX_BYTES = 64 * 1024;

  private final EventCatalog catalog;
  private final int maxBytes;
  // Its own factory (the payload mapper's), so its field-name table holds event names only.
  private final JsonFactory factory = Json.payloadMapper().getFactory();
  /**
   * The direct read's factory (ADR-031): the same parser without Jackson's duplicate detector,
   * since the direct read refuses a repeated field itself; null reads everything through the
   * data binding.
   */
  private final JsonFactory direct;
  private final PayloadReader payloads = new PayloadReader();
  private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();

  public EventCodec() {
    this(DEFAULT_MAX_BYTES);
  }

  public EventCodec(int maxBytes) {
    this(EventCatalog.bundled(), maxBytes);
  }

  /** A codec for another catalogue (tests of other generations of the contract). */
  public EventCodec(EventCatalog catalog, int maxBytes) {
    this(catalog, maxBytes, true);
  }

  /** {@code direct} false: every payload through the data binding (tests compare the two). */
  EventCodec(EventCatalog catalog, int maxBytes, boolean direct) {
    this.catalog = catalog;
    this.maxBytes = maxBytes;
    this.direct = direct ? factory.copy()
        .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, false) : null;
  }

  public int maxBytes() {
    return maxBytes;
  }

  /** The envelope as compact JSON, fields in the ADR's order. */
  public byte[] encode(Envelope event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("event_id", event.eventId());
      g.writeStringField("event_type", event.eventType());
      g.writeStringField("tenant_id", event.tenantId());
      g.writeStringField("site_id", event.siteId());
      g.writeStringField("timestamp", Rfc3339.format(event.timestamp()));
      g.writeStringField("version", event.version());
      g.writeFieldName("payload");
      writer(event.payload().getClass()).writeValue(g, event.payload());
      g.writeObjectFieldStart("metadata");
      for (Map.Entry<String, String> m : event.metadata().entrySet()) {
        g.writeStringField(m.getKey(), m.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + event.eventType(), e);
    }
    return out.toByteArray();
  }

  /** Decodes and checks one record value. */
  public Envelope decode(byte[] bytes) throws InvalidEventException {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidEventException(RejectReason.MALFORMED_JSON, "the record has no value");
    }
    if (bytes.length > maxBytes) {
      throw new InvalidEventException(RejectReason.OVERSIZED,
          "the event is " + bytes.length + " bytes; the limit is " + maxBytes);
    }
    if (direct != null) {
      // The common case, read directly (ADR-031); anything unusual, valid or not, is read
      // again below, so what is accepted and how a rejection is worded stay the binding's.
      try (JsonParser p = direct.createParser(bytes)) {
        return read(p, true);
      } catch (DirectPayloadReader.Irregular | InvalidEventException | IOException
          | RuntimeException e) {
        // read it the checked way
      }
    }
    try (JsonParser p = factory.createParser(bytes)) {
      return read(p, false);
    } catch (DirectPayloadReader.Irregular e) {
      throw new IllegalStateException("only a direct read is irregular", e);
    } catch (InvalidEventException e) {
      throw e;
    } catch (NullRejectingParser.NullValueException e) {
      throw new InvalidEventException(RejectReason.WRONG_TYPE,
          "payload: null is not allowed (" + e.getOriginalMessage() + ")");
    } catch (ContractDeserializers.Mismatch e) {
      throw new InvalidEventException(RejectReason.SCHEMA_VIOLATION,
          "payload" + path(e) + ": " + e.getOriginalMessage());
    } catch (ContractViolation e) {
      throw new InvalidEventException(e.missing() ? RejectReason.MISSING_FIELD
          : RejectReason.SCHEMA_VIOLATION, "payload: " + e.getMessage());
    } catch (ValueInstantiationException e) {
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
      RejectReason reason = why != null && why.endsWith(" is required")
          ? RejectReason.MISSING_FIELD : RejectReason.SCHEMA_VIOLATION;
      throw new InvalidEventException(reason, "payload: " + why);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidEventException(RejectReason.SCHEMA_VIOLATION,
          "payload" + path(e) + ": unknown field '" + e.getPropertyName() + "'");
    } catch (InvalidFormatException e) {
      RejectReason reason = e.getTargetType() != null && e.getTargetType().isEnum()
          ? RejectReason.SCHEMA_VIOLATION : RejectReason.WRONG_TYPE;
      throw new InvalidEventException(reason, "payload" + path(e) + ": " + e.getOriginalMessage());
    } catch (MismatchedInputException e) {
      String message = e.getOriginalMessage();
      RejectReason reason = message != null && message.startsWith("Missing required")
          ? RejectReason.MISSING_FIELD : RejectReason.WRONG_TYPE;
      throw new InvalidEventException(reason, "payload" + path(e) + ": " + message);
    } catch (InputCoercionException e) {
      throw new InvalidEventException(RejectReason.SCHEMA_VIOLATION,
          "payload: number out of range: " + e.getOriginalMessage());
    } catch (StreamReadException e) {
      throw new InvalidEventException(RejectReason.MALFORMED_JSON, e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(RejectReason.WRONG_TYPE, e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      throw new InvalidEventException(RejectReason.MALFORMED_JSON, String.valueOf(e.getMessage()));
    }
  }

  /** The direct read alone, for tests: {@link DirectPayloadReader.Irregular} if it declines. */
  Envelope decodeDirectly(byte[] bytes) throws Exception {
    try (JsonParser p = direct.createParser(bytes)) {
      return read(p, true);
    }
  }

  /**
   * Reads one envelope; {@code direct}: the payload through {@link DirectPayloadReader}, and
   * anything but the plain case (a repeated field, a payload before its type) irregular.
   */
  private Envelope read(JsonParser p, boolean direct)
      throws IOException, InvalidEventException, DirectPayloadReader.Irregular {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new InvalidEventException(RejectReason.WRONG_TYPE, "an event must be a JSON object");
    }
    String eventId = null;
    String eventType = null;
    String tenantId = null;
    String siteId = null;
    String timestamp = null;
    String version = null;
    Payload payload = null;
    EventCatalog.Reading reading = null;
    TokenBuffer pendingPayload = null;
    boolean payloadSeen = false;
    Map<String, String> metadata = null;
    int seen = 0;
    int next = 0;
    JsonToken token;
    while ((token = direct ? nextEnvelopeField(p, next) : p.nextToken())
        == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (direct) {
        // Usually the field expected next (ADR-059: no scan of the list for it)
        int index = next < ENVELOPE_FIELDS.size() && ENVELOPE_FIELDS.get(next).equals(field)
            ? next : ENVELOPE_FIELDS.indexOf(field);
        int bit = 1 << index;
        if (bit <= 0 || (seen & bit) != 0) {
          throw DirectPayloadReader.Irregular.INSTANCE;
        }
        seen |= bit;
        next = index + 1;
      }
      switch (field) {
        case "event_id" -> eventId = string(p, value, field);
        case "event_type" -> eventType = repeated(p, value, field);
        case "tenant_id" -> tenantId = repeated(p, value, field);
        case "site_id" -> siteId = repeated(p, value, field);
        case "timestamp" -> timestamp = string(p, value, field);
        case "version" -> version = repeated(p, value, field);
        case "payload" -> {
          if (value != JsonToken.START_OBJECT) {
            throw new InvalidEventException(RejectReason.WRONG_TYPE, "payload must be an object");
          }
          payloadSeen = true;
          reading = eventType == null || version == null
              ? null : catalog.reading(eventType, version);
          if (direct) {
            if (reading == null || reading.lenient() || !reading.upcasters().isEmpty()) {
              throw DirectPayloadReader.Irregular.INSTANCE;
            }
            payload = (Payload) DirectPayloadReader.read(reading.type().payloadClass(), p);
            reading.validator().validate(payload);
          } else if (reading != null) {
            payload = payloads.read(reading, p);
          } else if (eventType == null || version == null) {
            pendingPayload = new TokenBuffer(p);
            pendingPayload.copyCurrentStructure(p);
          } else {
            p.skipChildren();
          }
        }
        case "metadata" -> metadata = metadata(p, value, direct);
        default -> throw new InvalidEventException(RejectReason.SCHEMA_VIOLATION,
            "unknown envelope field '" + field + "'");
      }
    }
    if (token != JsonToken.END_OBJECT || p.nextToken() != null) {
      throw new InvalidEventException(RejectReason.MALFORMED_JSON, "trailing content after event");
    }
    require(eventId, "event_id");
    require(eventType, "event_type");
    require(tenantId, "tenant_id");
    require(siteId, "site_id");
    require(timestamp, "timestamp");
    require(version, "version");
    if (!payloadSeen) {
      require(null, "payload");
    }
    require(metadata, "metadata");
    if (reading == null) {
      reading = catalog.reading(eventType, version);
    }
    if (reading == null && !catalog.isKnownName(eventType)) {
      throw new InvalidEventException(RejectReason.UNKNOWN_EVENT_TYPE,
          "unknown event_type '" + eventType + "'");
    }
    if (reading == null) {
      throw new InvalidEventException(RejectReason.UNKNOWN_VERSION,
          "unknown version '" + version + "' of " + eventType);
    }
    check(eventId.length() >= 1 && eventId.length() <= 64, "event_id must have 1..64 characters");
    check(Ids.valid(tenantId), "tenant_id must match " + Ids.PATTERN);
    check(siteId.isEmpty() || Ids.valid(siteId), "site_id must match (" + Ids.PATTERN + ")?");
    Instant time;
    try {
      time = Rfc3339.parse(timestamp);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException(RejectReason.SCHEMA_VIOLATION,
          "timestamp must be an RFC 3339 date-time: '" + timestamp + "'");
    }
    if (payload == null) {
      try (JsonParser buffered = pendingPayload.asParser(p.getCodec())) {
        buffered.nextToken();
        payload = payloads.read(reading, buffered);
      }
    }
    return new Envelope(eventId, eventType, tenantId, siteId, time, reading.type().version(),
        payload, metadata);
  }

  private static String string(JsonParser p, JsonToken value, String field)
      throws IOException, InvalidEventException {
    if (value != JsonToken.VALUE_STRING) {
      throw new InvalidEventException(RejectReason.WRONG_TYPE, field + " must be a string");
    }
    return p.getText();
  }

  /** As {@link #string} for a field whose values repeat from event to event (ADR-055). */
  private static String repeated(JsonParser p, JsonToken value, String field)
      throws IOException, InvalidEventException {
    if (value != JsonToken.VALUE_STRING) {
      throw new InvalidEventException(RejectReason.WRONG_TYPE, field + " must be a string");
    }
    return STRINGS.text(p);
  }

  /**
   * The strings of envelopes and payloads that repeat (types, versions, tenants, sites,
   * metadata), shared by every decode of the process (ADR-055).
   */
  static final RepeatedText STRINGS = new RepeatedText(4096);

  private static final List<String> ENVELOPE_FIELDS = List.of("event_id", "event_type",
      "tenant_id", "site_id", "timestamp", "version", "payload", "metadata");
  private static final SerializedString[] ENVELOPE_NAMES = ENVELOPE_FIELDS.stream()
      .map(SerializedString::new).toArray(SerializedString[]::new);

  /** The next token, an envelope field in the ADR's order matched on its bytes. */
  private static JsonToken nextEnvelopeField(JsonParser p, int next) throws IOException {
    if (next >= ENVELOPE_NAMES.length) {
      return p.nextToken();
    }
    return p.nextFieldName(ENVELOPE_NAMES[next]) ? JsonToken.FIELD_NAME : p.currentToken();
  }

  private static Map<String, String> metadata(JsonParser p, JsonToken value, boolean direct)
      throws IOException, InvalidEventException, DirectPayloadReader.Irregular {
    if (value != JsonToken.START_OBJECT) {
      throw new InvalidEventException(RejectReason.WRONG_TYPE, "metadata must be an object");
    }
    Map<String, String> metadata = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw new InvalidEventException(RejectReason.WRONG_TYPE,
            "metadata." + key + " must be a string");
      }
      if (metadata.put(key, STRINGS.text(p)) != null && direct) {
        throw DirectPayloadReader.Irregular.INSTANCE;
      }
    }
    return metadata;
  }

  private static void require(Object value, String field) throws InvalidEventException {
    if (value == null) {
      throw new InvalidEventException(RejectReason.MISSING_FIELD, "missing " + field);
    }
  }

  private static void check(boolean ok, String detail) throws InvalidEventException {
    if (!ok) {
      throw new InvalidEventException(RejectReason.SCHEMA_VIOLATION, detail);
    }
  }

  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private ObjectWriter writer(Class<?> type) {
    return writers.computeIfAbsent(type, t -> Json.mapper().writerFor(t));
  }

  /** The envelope's fields without the payload, for logs and dead-letter details. */
  public static Map<String, String> describe(Envelope e) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("event_id", e.eventId());
    d.put("event_type", e.eventType() + "@" + e.version());
    d.put("tenant_id", e.tenantId());
    d.put("site_id", e.siteId());
    d.put("timestamp", Rfc3339.format(e.timestamp()));
    return d;
  }
}
