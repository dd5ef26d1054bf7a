package com.towerco.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.MapType;
import com.towerco.events.contract.FieldSpec;
import com.towerco.events.contract.Items;
import com.towerco.events.contract.RecordSpec;
import com.towerco.events.contract.ValueCheck;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs each payload field's contract while Jackson reads it, so decoding pays for the checks
 * what the records' constructor checks used to cost (nothing beyond the comparison): text, id,
 * pattern and range checks wrap the value deserializers of exactly the fields that have them
 * (found through the record's {@link RecordSpec}); every list and map comes out unmodifiable
 * (decoded payloads are shared between the services of a process, ADR-007), with its size and
 * keys checked. A broken value is a {@link Mismatch}, which the codec reports as
 * {@code SCHEMA_VIOLATION} with the field's path.
 */
final class ContractDeserializers extends SimpleModule {
  private static final long serialVersionUID = 1L;

  ContractDeserializers(JsonDeserializer<Integer> integers) {
    super("payload-contract");
    addDeserializer(String.class,
        new Checked<>(StringDeserializer.instance, JsonToken.VALUE_STRING));
    addDeserializer(Double.TYPE, doubles(Double.TYPE));
    addDeserializer(Double.class, doubles(Double.class));
    addDeserializer(Integer.TYPE, new Checked<>(integers, JsonToken.VALUE_NUMBER_INT));
    addDeserializer(Integer.class, new Checked<>(integers, JsonToken.VALUE_NUMBER_INT));
    setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config,
          CollectionType type, BeanDescription description, JsonDeserializer<?> deserializer) {
        return new Container(deserializer, null, null);
      }

      @Override
      public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config,
          MapType type, BeanDescription description, JsonDeserializer<?> deserializer) {
        return new Container(deserializer, null, null);
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static Checked<Double> doubles(Class<?> type) {
    return new Checked<>((JsonDeserializer<Double>) NumberDeserializers.find(type,
        type.getName()), JsonToken.VALUE_NUMBER_FLOAT);
  }

  /** The contract of the record field a value belongs to, or null outside payload records. */
  static FieldSpec fieldOf(BeanProperty property) {
    if (property == null || property.getMember() == null
        || !property.getMember().getDeclaringClass().isRecord()) {
      return null;
    }
    return RecordSpec.of(property.getMember().getDeclaringClass()).field(property.getName());
  }

  /** A value that breaks its field's contract. */
  static final class Mismatch extends JsonMappingException {
    private static final long serialVersionUID = 1L;

    Mismatch(JsonParser p, String problem) {
      super(p, problem);
    }
  }

  /**
   * A scalar deserializer that, contextualized for a field with a check, reads the common token
   * itself (as Jackson's own deserializer would) and checks the value; anything else (an error,
   * a coercion) goes to Jackson's deserializer. Fields without a check get Jackson's as it is.
   */
  private static final class Checked<T> extends JsonDeserializer<T>
      implements ContextualDeserializer {
    private final JsonDeserializer<T> base;
    private final ValueCheck check;
    private final JsonToken fast;

    Checked(JsonDeserializer<T> base, JsonToken fast) {
      this(base, null, fast);
    }

    private Checked(JsonDeserializer<T> base, ValueCheck check, JsonToken fast) {
      this.base = base;
      this.check = check;
      this.fast = fast;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt,
        BeanProperty property) {
      FieldSpec field = fieldOf(property);
      return field == null || field.check() == null ? base
          : new Checked<>(base, field.check(), fast);
    }

    @Override
    public Class<?> handledType() {
      return base.handledType();
    }

    @Override
    public LogicalType logicalType() {
      return base.logicalType();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (check == null) {
        return base.deserialize(p, ctxt);
      }
      JsonToken token = p.currentToken();
      Object value;
      String problem;
      if (token == JsonToken.VALUE_STRING && fast == JsonToken.VALUE_STRING) {
        value = p.getText();
        problem = check.problem(value);
      } else if (token == JsonToken.VALUE_NUMBER_INT && fast == JsonToken.VALUE_NUMBER_INT) {
        int number = p.getIntValue();
        value = number;
        problem = check.problem(number);
      } else if ((token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT)
          && fast == JsonToken.VALUE_NUMBER_FLOAT) {
        double number = p.getDoubleValue();
        value = number;
        problem = check.problem(number);
      } else {
        value = base.deserialize(p, ctxt);
        problem = check.problem(value);
      }
      if (problem != null) {
        throw new Mismatch(p, problem);
      }
      return (T) value;
    }
  }

  /** A list or map deserializer whose result is unmodifiable, its size or keys checked. */
  private static final class Container extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;
    private final Items items;
    private final Set<String> keys;

    Container(JsonDeserializer<?> delegate, Items items, Set<String> keys) {
      super(delegate);
      this.items = items;
      this.keys = keys;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new Container(delegate, items, keys);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt,
        BeanProperty property) throws JsonMappingException {
      JsonDeserializer<?> delegate = ctxt.handleSecondaryContextualization(_delegatee,
          property, ctxt.constructType(_delegatee.handledType()));
      FieldSpec field = fieldOf(property);
      return new Container(delegate, field == null ? null : field.items(),
          field == null || field.keys() == null ? null : Set.of(field.keys().value()));
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Object value = _delegatee.deserialize(p, ctxt);
      if (value instanceof List<?> list) {
        if (items != null && (list.size() < items.min() || list.size() > items.max())) {
          throw new Mismatch(p, "must have " + items.min() + ".." + items.max() + " items");
        }
        return Collections.unmodifiableList(list);
      } else if (value instanceof Map<?, ?> map) {
        if (keys != null) {
          for (Object key : map.keySet()) {
            if (!keys.contains(key)) {
              throw new Mismatch(p, "has an unknown key '" + key + "'");
            }
          }
        }
        return Collections.unmodifiableMap(map);
      }
      return value;
    }
  }
}
