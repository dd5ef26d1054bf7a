package com.towerco.notification.stream;

import com.fasterxml.jackson.databind.JavaType;
import com.towerco.notification.config.NotificationJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** JSON serde for the service's own state, internal topics and delivery requests. */
public final class JsonSerde<T> implements Serde<T> {
  private final JavaType type;

  private JsonSerde(JavaType type) {
    this.type = type;
  }

  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(NotificationJson.state().constructType(type));
  }

  public byte[] encode(T value) {
    try {
      return value == null ? null : NotificationJson.state().writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public T decode(byte[] bytes) {
    try {
      // an empty value is a topic-readiness probe, not data
      return bytes == null || bytes.length == 0 ? null
          : NotificationJson.state().readValue(bytes, type);
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
