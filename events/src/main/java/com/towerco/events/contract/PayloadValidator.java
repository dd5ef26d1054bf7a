package com.towerco.events.contract;

import com.towerco.events.Ids;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Checks a payload record against the constraints its annotations declare, for one version of
 * its event type: the same rules the generated JSON Schema states (required fields, id
 * patterns, text lengths, ranges, list sizes, map keys), plus "no field newer than the
 * version". The rules are compiled once per record class and version into a flat array of
 * small checks with direct accessors, so a decode pays a few nanoseconds per field.
 */
public final class PayloadValidator {
  private final Rule[] rules;

  private PayloadValidator(Rule[] rules) {
    this.rules = rules;
  }

  /** The validator of {@code type} as of {@code version}. */
  public static PayloadValidator of(Class<?> type, Version version) {
    return compile(RecordSpec.of(type), version, "");
  }

  /** Throws {@link ContractViolation} naming the first field that breaks the contract. */
  public void validate(Object payload) {
    for (Rule rule : rules) {
      rule.check(payload);
    }
  }

  private static PayloadValidator compile(RecordSpec spec, Version version, String prefix) {
    List<Rule> rules = new ArrayList<>();
    for (FieldSpec field : spec.fields()) {
      String path = prefix + field.name();
      if (!field.presentIn(version)) {
        Function<Object, Object> get = Accessors.object(field.accessor());
        String message = path + " is not part of version " + version;
        rules.add(record -> {
          if (get.apply(record) != null) {
            throw new ContractViolation(message, false);
          }
        });
      } else {
        rule(field, path, version).ifPresent(rules::add);
      }
    }
    return new PayloadValidator(rules.toArray(Rule[]::new));
  }

  private static java.util.Optional<Rule> rule(FieldSpec field, String path, Version version) {
    ValueSpec value = field.value();
    boolean primitive = field.accessor().getReturnType().isPrimitive();
    if (primitive) {
      return java.util.Optional.ofNullable(primitiveRule(value, field, path));
    }
    Function<Object, Object> get = Accessors.object(field.accessor());
    Check check = switch (field.shape()) {
      case SINGLE -> valueCheck(value, path, version);
      case LIST -> listCheck(field, path, version);
      case MAP -> mapCheck(field, path, version);
    };
    if (check == null && !field.required()) {
      return java.util.Optional.empty();
    }
    String missing = path + " is required";
    boolean required = field.required();
    return java.util.Optional.of(record -> {
      Object v = get.apply(record);
      if (v == null) {
        if (required) {
          throw new ContractViolation(missing, true);
        }
      } else if (check != null) {
        check.check(v);
      }
    });
  }

  private static Rule primitiveRule(ValueSpec value, FieldSpec field, String path) {
    Range range = value.range();
    if (range == null) {
      return null;
    }
    if (value.kind() == ValueSpec.Kind.INTEGER) {
      ToIntFunction<Object> get = Accessors.ints(field.accessor());
      long min = (long) range.min();
      long max = (long) range.max();
      String message = path + " must be within [" + min + ", " + max + "]";
      return record -> {
        int v = get.applyAsInt(record);
        if (v < min || v > max) {
          throw new ContractViolation(message, false);
        }
      };
    }
    ToDoubleFunction<Object> get = Accessors.doubles(field.accessor());
    double min = range.min();
    double max = range.max();
    String message = path + " must be within [" + min + ", " + max + "]";
    return record -> {
      double v = get.applyAsDouble(record);
      if (!(v >= min && v <= max)) {
        throw new ContractViolation(message, false);
      }
    };
  }

  /** The check of one non-null value, or null when its type says it all. */
  private static Check valueCheck(ValueSpec value, String path, Version version) {
    if (value.kind() == ValueSpec.Kind.RECORD) {
      PayloadValidator nested = compile(value.record(), version, path + ".");
      return nested.rules.length == 0 ? null : nested::validate;
    }
    if (value.id()) {
      String message = path + " must match " + Ids.PATTERN;
      return v -> {
        if (!Ids.valid((String) v)) {
          throw new ContractViolation(message, false);
        }
      };
    }
    if (value.text() != null) {
      int max = value.text().value();
      String message = path + " must have 1.." + max + " characters";
      return v -> {
        int length = ((String) v).length();
        if (length == 0 || length > max) {
          throw new ContractViolation(message, false);
        }
      };
    }
    if (value.pattern() != null) {
      java.util.regex.Pattern regex = java.util.regex.Pattern.compile(value.pattern().value());
      String message = path + " must be " + value.pattern().means();
      return v -> {
        if (!regex.matcher((String) v).matches()) {
          throw new ContractViolation(message, false);
        }
      };
    }
    if (value.range() != null) {
      double min = value.range().min();
      double max = value.range().max();
      String message = value.kind() == ValueSpec.Kind.INTEGER
          ? path + " must be within [" + (long) min + ", " + (long) max + "]"
          : path + " must be within [" + min + ", " + max + "]";
      return v -> {
        double d = ((Number) v).doubleValue();
        if (!(d >= min && d <= max)) {
          throw new ContractViolation(message, false);
        }
      };
    }
    return null;
  }

  private static Check listCheck(FieldSpec field, String path, Version version) {
    Items items = field.items();
    int min = items == null ? 0 : items.min();
    int max = items == null ? Integer.MAX_VALUE : items.max();
    String sizeMessage = path + " must have " + min + ".." + max + " items";
    String itemMissing = path + "[] is required";
    Check item = valueCheck(field.value(), path + "[]", version);
    return v -> {
      Collection<?> list = (Collection<?>) v;
      if (list.size() < min || list.size() > max) {
        throw new ContractViolation(sizeMessage, false);
      }
      for (Object each : list) {
        if (each == null) {
          throw new ContractViolation(itemMissing, true);
        }
        if (item != null) {
          item.check(each);
        }
      }
    };
  }

  private static Check mapCheck(FieldSpec field, String path, Version version) {
    Set<String> keys = field.keys() == null ? null : Set.of(field.keys().value());
    Check item = valueCheck(field.value(), path + "[]", version);
    return v -> {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) v).entrySet()) {
        if (keys != null && !keys.contains(entry.getKey())) {
          throw new ContractViolation(path + " has an unknown key '" + entry.getKey() + "'",
              false);
        }
        if (entry.getValue() == null) {
          throw new ContractViolation(path + "." + entry.getKey() + " is required", true);
        }
        if (item != null) {
          item.check(entry.getValue());
        }
      }
    };
  }

  /** One check of a whole record. */
  private interface Rule {
    void check(Object record);
  }

  /** One check of a non-null value. */
  private interface Check {
    void check(Object value);
  }
}
