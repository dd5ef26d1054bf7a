package com.towerco.events.contract;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of a payload record (or of a record nested in one) read once from its components
 * and their annotations. The schema writer and the validator both work from this, so the
 * schema and the runtime checks cannot read the annotations differently. A component the
 * contract cannot express (an unsupported type, a constraint on the wrong kind of field, an
 * optional primitive) fails here, at build time, with the field named.
 */
public final class RecordSpec {
  private static final PropertyNamingStrategies.NamingBase NAMES =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
  private static final ClassValue<RecordSpec> SPECS = new ClassValue<>() {
    @Override
    protected RecordSpec computeValue(Class<?> type) {
      return new RecordSpec(type);
    }
  };

  private final Class<?> type;
  private final List<FieldSpec> fields;
  private final Map<String, FieldSpec> byName = new java.util.HashMap<>();

  private RecordSpec(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalStateException(type.getName() + " is not a record");
    }
    this.type = type;
    List<FieldSpec> read = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      read.add(field(component));
    }
    this.fields = List.copyOf(read);
    fields.forEach(f -> byName.put(f.name(), f));
  }

  public static RecordSpec of(Class<?> type) {
    return SPECS.get(type);
  }

  public Class<?> type() {
    return type;
  }

  public List<FieldSpec> fields() {
    return fields;
  }

  /** The field of this JSON name, or null. */
  public FieldSpec field(String name) {
    return byName.get(name);
  }

  private FieldSpec field(RecordComponent c) {
    String where = type.getSimpleName() + "." + c.getName();
    Class<?> raw = c.getType();
    FieldSpec.Shape shape = FieldSpec.Shape.SINGLE;
    Class<?> valueType = raw;
    if (raw == List.class || raw == Map.class) {
      shape = raw == List.class ? FieldSpec.Shape.LIST : FieldSpec.Shape.MAP;
      Type[] args = c.getGenericType() instanceof ParameterizedType p
          ? p.getActualTypeArguments() : new Type[0];
      Type element = args.length == 0 ? null : args[args.length - 1];
      if (!(element instanceof Class<?> elementClass)
          || (shape == FieldSpec.Shape.MAP && args[0] != String.class)) {
        throw invalid(where, "a list or map needs plain element types (Map<String, V>)");
      }
      valueType = elementClass;
    }
    ValueSpec.Kind kind = ValueSpec.kindOf(valueType);
    if (kind == null) {
      throw invalid(where, "type " + valueType.getSimpleName() + " has no JSON Schema mapping");
    }
    boolean required = c.isAnnotationPresent(Required.class);
    if (raw.isPrimitive() && !required) {
      throw invalid(where, "a primitive field must be @Required (make it a boxed type to be optional)");
    }
    Since since = c.getAnnotation(Since.class);
    if (since != null && required) {
      throw invalid(where, "a field added by a minor version (@Since) must be optional");
    }
    Description description = c.getAnnotation(Description.class);
    ValueSpec value = new ValueSpec(kind, valueType, c.isAnnotationPresent(Id.class),
        c.getAnnotation(Text.class), c.getAnnotation(Pattern.class), c.getAnnotation(Range.class));
    checkConstraints(where, shape, value, c);
    Method accessor = c.getAccessor();
    return new FieldSpec(NAMES.translate(c.getName()), accessor, required,
        since == null ? null : Version.parse(since.value()),
        description == null ? null : description.value(), shape, c.getAnnotation(Items.class),
        c.getAnnotation(Keys.class), value, ValueCheck.of(value));
  }

  private static void checkConstraints(String where, FieldSpec.Shape shape, ValueSpec value,
      RecordComponent c) {
    boolean text = value.kind() == ValueSpec.Kind.STRING;
    boolean number = value.kind() == ValueSpec.Kind.NUMBER
        || value.kind() == ValueSpec.Kind.INTEGER;
    int formats = (value.id() ? 1 : 0) + (value.text() != null ? 1 : 0)
        + (value.pattern() != null ? 1 : 0);
    if (formats > 0 && !text) {
      throw invalid(where, "@Id, @Text and @Pattern apply to text");
    }
    if (formats > 1) {
      throw invalid(where, "one of @Id, @Text and @Pattern (a @Pattern can bound the length)");
    }
    if (value.range() != null && !number) {
      throw invalid(where, "@Range applies to numbers");
    }
    if (c.isAnnotationPresent(Items.class) && shape != FieldSpec.Shape.LIST) {
      throw invalid(where, "@Items applies to lists");
    }
    if (c.isAnnotationPresent(Keys.class) && shape != FieldSpec.Shape.MAP) {
      throw invalid(where, "@Keys applies to maps");
    }
  }

  private static IllegalStateException invalid(String where, String why) {
    return new IllegalStateException(where + ": " + why);
  }

  @Override
  public String toString() {
    return type.getName();
  }
}
