package com.towerco.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.events.contract.FieldSpec;
import com.towerco.events.contract.RecordSpec;
import com.towerco.events.contract.ValueCheck;
import com.towerco.events.contract.ValueSpec;
import com.towerco.events.payload.site.SiteTelemetry;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a well-formed payload straight into its record from the streaming parser, by the
 * record's {@link RecordSpec} (ADR-031): every field by its declared kind, each value's
 * {@link ValueCheck}, list sizes and map keys, duplicate and unknown fields, explicit nulls.
 * It only ever accepts: anything it does not find exactly as the contract says (a wrong token,
 * a missing required field, a value out of range, a duplicate, a number Jackson would coerce)
 * is {@link Irregular}, and the codec then reads the whole event again through Jackson's data
 * binding, which decides and words the rejection exactly as before. So the events this reader
 * accepts are a subset of those the data binding accepts, read into equal records, at a
 * fraction of the cost (no property buffers, no delegating parser, no duplicate detector).
 */
final class DirectPayloadReader {
  /** The payload is not the plain, valid case: read it through the data binding instead. */
  static final class Irregular extends Exception {
    private static final long serialVersionUID = 1L;
    static final Irregular INSTANCE = new Irregular();

    private Irregular() {
      super("irregular payload", null, false, false);
    }
  }

  private static final ClassValue<RecordReader> READERS = new ClassValue<>() {
    @Override
    protected RecordReader computeValue(Class<?> type) {
      return new RecordReader(RecordSpec.of(type));
    }
  };

  private DirectPayloadReader() {}

  /** Reads the record of {@code type} whose START_OBJECT the parser is at. */
  static Object read(Class<?> type, JsonParser p) throws IOException, Irregular {
    if (type == SiteTelemetry.class && TelemetrySlotReader.APPLIES) {
      return TelemetrySlotReader.read(p); // the commonest payload, by place (ADR-065)
    }
    return READERS.get(type).read(p);
  }

  /** The generic read by the record's contract alone (the typed reads' reference, in tests). */
  static Object readByContract(Class<?> type, JsonParser p) throws IOException, Irregular {
    return READERS.get(type).read(p);
  }

  private static Irregular irregular() {
    return Irregular.INSTANCE;
  }

  /** One record type: its fields in order, their JSON names, its canonical constructor. */
  private static final class RecordReader {
    private final Field[] fields;
    private final String[] names;
    private final SerializedString[] quoted;
    private final MethodHandle constructor;

    RecordReader(RecordSpec spec) {
      List<FieldSpec> specs = spec.fields();
      if (specs.size() > 64) {
        throw new IllegalStateException(spec.type() + " has more than 64 fields");
      }
      RecordComponent[] components = spec.type().getRecordComponents();
      fields = new Field[specs.size()];
      names = new String[specs.size()];
      quoted = new SerializedString[specs.size()];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < fields.length; i++) {
        FieldSpec f = specs.get(i);
        fields[i] = new Field(i, f, components[i].getType().isPrimitive());
        names[i] = f.name().intern();
        quoted[i] = new SerializedString(names[i]);
        types[i] = components[i].getType();
      }
      try {
        Constructor<?> canonical = spec.type().getDeclaredConstructor(types);
        constructor = MethodHandles.publicLookup().unreflectConstructor(canonical)
            .asSpreader(Object[].class, types.length)
            .asType(MethodType.methodType(Object.class, Object[].class));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("no public canonical constructor: " + spec.type(), e);
      }
    }

    /**
     * The field of this name, looked for from where the last one was: fields usually come in
     * the record's order, and Jackson hands over interned names, so this is mostly one
     * reference comparison.
     */
    private Field field(String name, int from) {
      for (int i = from; i < names.length; i++) {
        if (names[i] == name) {
          return fields[i];
        }
      }
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return fields[i];
        }
      }
      return null;
    }

    Object read(JsonParser p) throws IOException, Irregular {
      Object[] values = new Object[fields.length];
      long seen = 0;
      int next = 0;
      while (true) {
        Field field;
        // The field expected next is matched on its bytes, without a name look-up.
        if (next < fields.length && p.nextFieldName(quoted[next])) {
          field = fields[next];
        } else {
          JsonToken token = next < fields.length ? p.currentToken() : p.nextToken();
          if (token == JsonToken.END_OBJECT) {
            break;
          }
          field = token == JsonToken.FIELD_NAME ? field(p.currentName(), next) : null;
        }
        if (field == null || (seen & field.bit) != 0) {
          throw irregular(); // not a field, unknown or repeated
        }
        next = field.index + 1;
        seen |= field.bit;
        values[field.index] = field.read(p, p.nextToken());
      }
      for (Field field : fields) {
        if ((seen & field.bit) == 0 && (field.primitive || field.spec.required())) {
          throw irregular(); // absent: left to the data binding's rules
        }
      }
      try {
        return constructor.invokeExact(values);
      } catch (Error e) {
        throw e;
      } catch (Throwable e) {
        throw irregular(); // the record refused the values: the data binding words why
      }
    }
  }

  /**
   * One field of a record: how to read its value (or values) and check each. The projected
   * read ({@link PayloadProjection}) reads the fields it keeps with it too.
   */
  static final class Field {
    final int index;
    final long bit;
    final FieldSpec spec;
    final boolean primitive;
    final ValueSpec.Kind kind;
    final ValueCheck check;
    final Class<?> valueType;
    final Map<String, Object> constants;
    final Set<String> keys;
    final int minItems;
    final int maxItems;

    Field(int index, FieldSpec spec, boolean primitive) {
      this.index = index;
      this.bit = 1L << index;
      this.spec = spec;
      this.primitive = primitive;
      this.kind = spec.value().kind();
      this.check = spec.check();
      this.valueType = spec.value().type();
      this.constants = kind == ValueSpec.Kind.ENUM ? constants(valueType) : null;
      this.keys = spec.keys() == null ? null : Set.of(spec.keys().value());
      this.minItems = spec.items() == null ? 0 : spec.items().min();
      this.maxItems = spec.items() == null ? Integer.MAX_VALUE : spec.items().max();
    }

    /** The field's value (a list, a map) whose first token the parser is at. */
    Object read(JsonParser p, JsonToken token) throws IOException, Irregular {
      return switch (spec.shape()) {
        case SINGLE -> value(p, token);
        case LIST -> list(p, token);
        case MAP -> map(p, token);
      };
    }

    private Object list(JsonParser p, JsonToken token) throws IOException, Irregular {
      if (token != JsonToken.START_ARRAY) {
        throw irregular();
      }
      List<Object> items = new ArrayList<>();
      while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
        items.add(value(p, token));
      }
      if (items.size() < minItems || items.size() > maxItems) {
        throw irregular();
      }
      return Collections.unmodifiableList(items);
    }

    private Object map(JsonParser p, JsonToken token) throws IOException, Irregular {
      if (token != JsonToken.START_OBJECT) {
        throw irregular();
      }
      Map<String, Object> entries = new LinkedHashMap<>();
      while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if ((keys != null && !keys.contains(key))
            || entries.put(key, value(p, p.nextToken())) != null) {
          throw irregular();
        }
      }
      if (token != JsonToken.END_OBJECT) {
        throw irregular();
      }
      return Collections.unmodifiableMap(entries);
    }

    /** One value of this field's kind, exactly as written; anything else is irregular. */
    Object value(JsonParser p, JsonToken token) throws IOException, Irregular {
      Object value;
      switch (kind) {
        case NUMBER -> {
          return number(p, token);
        }
        case INTEGER -> {
          return integer(p, token);
        }
        case BOOLEAN -> {
          return bool(token) ? Boolean.TRUE : Boolean.FALSE;
        }
        case STRING -> {
          if (token != JsonToken.VALUE_STRING) {
            throw irregular();
          }
          value = EventCodec.STRINGS.text(p);
        }
        case INSTANT -> {
          if (token != JsonToken.VALUE_STRING) {
            throw irregular();
          }
          try {
            value = Rfc3339.parse(p.getText());
          } catch (DateTimeParseException e) {
            throw irregular();
          }
        }
        case ENUM -> {
          value = token == JsonToken.VALUE_STRING ? constants.get(EventCodec.STRINGS.text(p)) : null;
          if (value == null) {
            throw irregular();
          }
        }
        case RECORD -> {
          if (token != JsonToken.START_OBJECT) {
            throw irregular();
          }
          return READERS.get(valueType).read(p);
        }
        default -> throw irregular();
      }
      if (check != null && check.problem(value) != null) {
        throw irregular();
      }
      return value;
    }

    /** A number of this field (kind NUMBER), checked, without boxing; else irregular. */
    double number(JsonParser p, JsonToken token) throws IOException, Irregular {
      double number;
      if (token == JsonToken.VALUE_NUMBER_FLOAT) {
        number = decimal(p);
      } else if (token == JsonToken.VALUE_NUMBER_INT) {
        number = p.getDoubleValue();
      } else {
        throw irregular();
      }
      if (check != null && check.problem(number) != null) {
        throw irregular();
      }
      return number;
    }

    /** An integer of this field (kind INTEGER), checked, without boxing; else irregular. */
    int integer(JsonParser p, JsonToken token) throws IOException, Irregular {
      if (token != JsonToken.VALUE_NUMBER_INT
          || p.getNumberType() != JsonParser.NumberType.INT) {
        throw irregular();
      }
      int number = p.getIntValue();
      if (check != null && check.problem(number) != null) {
        throw irregular();
      }
      return number;
    }

    /** A boolean (kind BOOLEAN); else irregular. */
    static boolean bool(JsonToken token) throws Irregular {
      if (token == JsonToken.VALUE_TRUE) {
        return true;
      } else if (token == JsonToken.VALUE_FALSE) {
        return false;
      }
      throw irregular();
    }

    /**
     * The decimal the parser is at, from its text without Jackson's general float parser when
     * the text is in {@link ExactDecimal}'s exact fast path (a reading's few digits); the same
     * double either way. Integers stay Jackson's ({@code -0} is its +0.0 there).
     */
    private static double decimal(JsonParser p) throws IOException {
      double exact = ExactDecimal.parse(p.getTextCharacters(), p.getTextOffset(),
          p.getTextLength());
      return Double.isNaN(exact) ? p.getDoubleValue() : exact;
    }

    /** An enum's constants by the text Jackson writes for each (its {@code @JsonProperty}). */
    private static Map<String, Object> constants(Class<?> type) {
      Map<String, Object> byText = new HashMap<>();
      for (Object constant : type.getEnumConstants()) {
        JsonNode written = Json.payloadMapper().valueToTree(constant);
        if (written.isTextual()) {
          byText.put(written.textValue(), constant);
        }
      }
      return Map.copyOf(byText);
    }
  }
}
