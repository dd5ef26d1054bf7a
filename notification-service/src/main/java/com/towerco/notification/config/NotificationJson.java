package com.towerco.notification.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.towerco.events.Json;
import com.towerco.platform.config.Durations;
import com.towerco.platform.runtime.JsonSerde;
import java.io.IOException;
import java.time.Duration;

/**
 * The JSON mappings of the notification service, all derived from the platform's event
 * mapping (snake_case, RFC 3339 instants) plus durations written {@code 30s}, {@code 5m},
 * {@code 4h}, {@code 1d}, {@code 250ms} or ISO-8601 ({@code PT30S}). {@link #config()} is
 * strict (an unknown field in a routing file is an error, not a silently ignored typo);
 * {@link #state()} tolerates fields it does not know, so state written by a newer version
 * still loads.
 */
public final class NotificationJson {
  private static final JsonMapper CONFIG = build(true);
  private static final JsonMapper STATE = build(false);
  private static final YAMLMapper YAML = new YAMLMapper();

  private NotificationJson() {}

  public static JsonMapper config() {
    return CONFIG;
  }

  public static JsonMapper state() {
    return STATE;
  }

  /** The platform's serde for the service's own state and working records, with {@link #state}. */
  public static <T> JsonSerde<T> serde(Class<T> type) {
    return JsonSerde.of(type, STATE);
  }

  /** A YAML reader (to a tree, which {@link #config()} then maps). */
  public static ObjectMapper yaml() {
    return YAML;
  }

  /** A duration in the platform's one grammar ({@link Durations}: 30s, 5m, 4h, PT30S). */
  public static Duration duration(String text) {
    return Durations.parse(text);
  }

  private static JsonMapper build(boolean strict) {
    SimpleModule durations = new SimpleModule("durations")
        .addSerializer(Duration.class, new JsonSerializer<>() {
          @Override
          public void serialize(Duration value, JsonGenerator gen, SerializerProvider p)
              throws IOException {
            gen.writeString(value.toString());
          }
        })
        .addDeserializer(Duration.class, new JsonDeserializer<>() {
          @Override
          public Duration deserialize(JsonParser p, DeserializationContext ctxt)
              throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
              return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            try {
              return duration(p.getText());
            } catch (IllegalArgumentException e) {
              return (Duration) ctxt.handleWeirdStringValue(Duration.class, p.getText(),
                  e.getMessage());
            }
          }
        });
    return Json.mapper().rebuild()
        .addModule(durations)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
        .build();
  }
}
