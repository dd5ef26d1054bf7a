package com.towerco.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Decoded payloads are shared between the services of a process (ADR-007), so their lists and
 * maps must not change after decoding: this module wraps every list and map Jackson reads into
 * a payload in an unmodifiable view (no copy).
 */
final class ImmutableCollections extends SimpleModule {
  private static final long serialVersionUID = 1L;

  ImmutableCollections() {
    super("immutable-collections");
    setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config,
          CollectionType type, BeanDescription description, JsonDeserializer<?> deserializer) {
        return new Unmodifiable(deserializer);
      }

      @Override
      public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config,
          MapType type, BeanDescription description, JsonDeserializer<?> deserializer) {
        return new Unmodifiable(deserializer);
      }
    });
  }

  private static final class Unmodifiable extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    Unmodifiable(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new Unmodifiable(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Object value = _delegatee.deserialize(p, ctxt);
      if (value instanceof List<?> list) {
        return Collections.unmodifiableList(list);
      } else if (value instanceof Map<?, ?> map) {
        return Collections.unmodifiableMap(map);
      }
      return value;
    }
  }
}
