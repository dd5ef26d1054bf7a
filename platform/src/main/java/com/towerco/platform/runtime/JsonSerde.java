package com.towerco.platform.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.towerco.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one JSON serde for a service's own state stores, internal topics and working records (not
 * for published events, which go through the event codec). By default it uses the events' JSON
 * mapping (snake_case, RFC 3339 instants) and tolerates fields it does not know, so state
 * written by a newer version still loads; a service with its own value types (durations
 * written {@code 30s}) passes its mapper. An empty value is a topic-readiness probe, not data:
 * it reads as null.
 */
public final class JsonSerde<T> implements Serde<T> {
  private static final ObjectMapper LENIENT = Json.mapper().rebuild()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final ObjectMapper mapper;
  private final JavaType type;

  private JsonSerde(ObjectMapper mapper, JavaType type) {
    this.mapper = mapper;
    this.type = type;
  }

  public static <T> JsonSerde<T> of(Class<T> type) {
    return of(type, LENIENT);
  }

  public static <T> JsonSerde<T> of(Class<T> type, ObjectMapper mapper) {
    return new JsonSerde<>(mapper, mapper.constructType(type));
  }

  public static <T> JsonSerde<List<T>> listOf(Class<T> element) {
    return new JsonSerde<>(LENIENT, LENIENT.getTypeFactory()
        .constructCollectionType(List.class, element));
  }

  public byte[] encode(T value) {
    try {
      return value == null ? null : mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public T decode(byte[] bytes) {
    try {
      return bytes == null || bytes.length == 0 ? null : mapper.readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }
}
