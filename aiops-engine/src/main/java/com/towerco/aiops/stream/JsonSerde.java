package com.towerco.aiops.stream;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.towerco.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for the engine's own state and internal topics (not for published events). State
 * written by an older engine stays readable: unknown fields are ignored and a field it did not
 * have reads as its default (false, 0, null), e.g. a correlation member's {@code quiet}.
 */
final class JsonSerde<T> implements Serde<T> {
  private static final ObjectMapper MAPPER = Json.mapper().rebuild()
      .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private final JavaType type;

  private JsonSerde(JavaType type) {
    this.type = type;
  }

  static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(MAPPER.constructType(type));
  }

  static <T> JsonSerde<java.util.List<T>> listOf(Class<T> element) {
    return new JsonSerde<>(MAPPER.getTypeFactory()
        .constructCollectionType(java.util.List.class, element));
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      try {
        return value == null ? null : MAPPER.writeValueAsBytes(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      try {
        return bytes == null ? null : MAPPER.readValue(bytes, type);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  static JsonMapper mapper() {
    return (JsonMapper) MAPPER;
  }
}
