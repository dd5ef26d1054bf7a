package com.towerco.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.contract.Upcaster;
import com.towerco.events.payload.Payload;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads one payload the way the catalogue says ({@link EventCatalog.Reading}): straight into its
 * record, strictly or dropping unknown fields, or through the upcasters on the JSON tree first;
 * then checks it with the record's validator. Jackson's and the validator's exceptions pass
 * through for {@link EventCodec} to turn into reject reasons.
 */
final class PayloadReader {
  private final Map<Class<?>, ObjectReader> strict = new ConcurrentHashMap<>();
  private final Map<Class<?>, ObjectReader> lenient = new ConcurrentHashMap<>();
  private final ObjectReader trees = Json.payloadMapper().reader()
      .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Reads, upcasts if need be, and checks one payload; the parser is at its start. */
  Payload read(EventCatalog.Reading reading, JsonParser p)
      throws IOException, InvalidEventException {
    Class<? extends Payload> type = reading.type().payloadClass();
    Payload payload;
    if (reading.upcasters().isEmpty()) {
      payload = reader(type, reading.lenient()).readValue(new NullRejectingParser(p));
    } else {
      JsonNode tree = trees.readTree(new NullRejectingParser(p));
      for (Upcaster upcaster : reading.upcasters()) {
        try {
          tree = upcaster.upcast((ObjectNode) tree);
        } catch (RuntimeException e) {
          throw new InvalidEventException(RejectReason.SCHEMA_VIOLATION, "payload: "
              + upcaster.getClass().getSimpleName() + " cannot upcast it: " + e);
        }
      }
      try (JsonParser upcast = new NullRejectingParser(tree.traverse(p.getCodec()))) {
        upcast.nextToken();
        payload = reader(type, true).readValue(upcast);
      }
    }
    reading.validator().validate(payload);
    return payload;
  }

  private ObjectReader reader(Class<?> type, boolean dropUnknown) {
    return dropUnknown
        ? lenient.computeIfAbsent(type, t -> reader(t, false)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
        : strict.computeIfAbsent(type, t -> Json.payloadMapper().readerFor(t)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
  }
}
