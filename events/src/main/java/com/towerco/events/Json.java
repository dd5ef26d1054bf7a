package com.towerco.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one Jackson configuration for events: snake_case names, no unknown fields, no silent
 * coercion (a number is never read from a string, nor a string from a number), nulls only where
 * the schema allows an absent field, RFC 3339 instants. It mirrors the
 * JSON Schemas, and the contract test in this module proves the two agree. The codec reads
 * payloads with a twin of it that also checks each field's contract as it reads it and makes
 * lists and maps unmodifiable ({@link ContractDeserializers}).
 */
public final class Json {
  private static final JsonMapper MAPPER = build(false);
  private static final JsonMapper PAYLOADS = build(true);

  private Json() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** The same configuration, checking payload fields as it reads them (for the codec). */
  static JsonMapper payloadMapper() {
    return PAYLOADS;
  }

  private static JsonMapper build(boolean payloads) {
    SimpleModule instants = new SimpleModule("rfc3339-instants")
        .addSerializer(Instant.class, new InstantSerializer())
        .addDeserializer(Instant.class, new InstantDeserializer())
        .addDeserializer(int.class, new IntegerDeserializer())
        .addDeserializer(Integer.class, new IntegerDeserializer());
    JsonMapper.Builder builder = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // Telemetry is mostly numbers: the bundled FastDoubleParser reads the same, correctly
        // rounded values as the JDK's parser in a fraction of the time.
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .addModule(instants);
    if (payloads) {
      builder.addModule(new ContractDeserializers(new IntegerDeserializer()));
    }
    JsonMapper mapper = builder.build();
    failCoercion(mapper, LogicalType.Textual, CoercionInputShape.Integer,
        CoercionInputShape.Float, CoercionInputShape.Boolean);
    failCoercion(mapper, LogicalType.Integer, CoercionInputShape.String,
        CoercionInputShape.EmptyString, CoercionInputShape.Float, CoercionInputShape.Boolean);
    failCoercion(mapper, LogicalType.Float, CoercionInputShape.String,
        CoercionInputShape.EmptyString, CoercionInputShape.Boolean);
    failCoercion(mapper, LogicalType.Boolean, CoercionInputShape.String,
        CoercionInputShape.EmptyString, CoercionInputShape.Integer, CoercionInputShape.Float);
    failCoercion(mapper, LogicalType.Enum, CoercionInputShape.Integer,
        CoercionInputShape.EmptyString);
    failCoercion(mapper, LogicalType.POJO, CoercionInputShape.String,
        CoercionInputShape.EmptyString, CoercionInputShape.Integer, CoercionInputShape.Float,
        CoercionInputShape.Boolean, CoercionInputShape.EmptyArray);
    failCoercion(mapper, LogicalType.Collection, CoercionInputShape.String,
        CoercionInputShape.EmptyString, CoercionInputShape.EmptyObject);
    failCoercion(mapper, LogicalType.Map, CoercionInputShape.String,
        CoercionInputShape.EmptyString, CoercionInputShape.EmptyArray);
    return mapper;
  }

  private static void failCoercion(JsonMapper mapper, LogicalType target,
      CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
    }
  }

  /**
   * JSON Schema's "integer" is any number with no fractional part, so {@code 3.0} is an
   * integer and {@code 3.5} is not; Jackson alone would either refuse both or truncate.
   */
  private static final class IntegerDeserializer extends JsonDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return p.getIntValue();
      }
      if (token == JsonToken.VALUE_NUMBER_FLOAT) {
        double value = p.getDoubleValue();
        if (value == Math.rint(value) && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
          return (int) value;
        }
        return (Integer) ctxt.handleWeirdNumberValue(Integer.class, value,
            "not an integer within range");
      }
      return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
    }
  }

  private static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(Rfc3339.format(value));
    }
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      try {
        return Rfc3339.parse(p.getText());
      } catch (DateTimeParseException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(),
            "not an RFC 3339 date-time");
      }
    }
  }
}
