package com.towerco.events.contract;

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
 * its event type: the rules the generated JSON Schema states (required fields, ids, text
 * lengths, patterns, ranges, list sizes, map keys; each value by its {@link ValueCheck}) plus
 * "no field newer than the version". Compiled once per record class and version into a flat
 * array of small checks with direct accessors. {@code Envelope.of} runs the full validator on
 * records built in code; decoding needs only {@link #ofDecoded}, since the codec already ran
 * every value's check while reading it.
 */
public final class PayloadValidator {
  private final Rule[] rules;

  private PayloadValidator(Rule[] rules) {
    this.rules = rules;
  }

  /** Every rule of {@code type} as of {@code version}. */
  public static PayloadValidator of(Class<?> type, Version version) {
    return compile(RecordSpec.of(type), version, "", true);
  }

  /** The rules a decoded payload may still break: fields newer than {@code version}. */
  public static PayloadValidator ofDecoded(Class<?> type, Version version) {
    return compile(RecordSpec.of(type), version, "", false);
  }

  /** Throws {@link ContractViolation} naming the first field that breaks the contract. */
  public void validate(Object payload) {
    for (Rule rule : rules) {
      rule.check(payload);
    }
  }

  private static PayloadValidator compile(RecordSpec spec, Version version, String prefix,
      boolean values) {
    List<Rule> rules = new ArrayList<>();
    for (FieldSpec field : spec.fields()) {
      String path = prefix + field.name();
      Rule rule = !field.presentIn(version) ? absent(field, path, version)
          : field.accessor().getReturnType().isPrimitive() ? (values ? primitive(field, path)
          : null) : reference(field, path, version, values);
      if (rule != null) {
        rules.add(rule);
      }
    }
    return new PayloadValidator(rules.toArray(Rule[]::new));
  }

  private static Rule absent(FieldSpec field, String path, Version version) {
    Function<Object, Object> get = Accessors.object(field.accessor());
    String message = path + " is not part of version " + version;
    return record -> {
      if (get.apply(record) != null) {
        throw new ContractViolation(message, false);
      }
    };
  }

  private static Rule primitive(FieldSpec field, String path) {
    ValueCheck check = field.check();
    if (check == null) {
      return null;
    }
    String prefix = path + " ";
    if (field.value().kind() == ValueSpec.Kind.INTEGER) {
      ToIntFunction<Object> get = Accessors.ints(field.accessor());
      return record -> fail(prefix, check.problem(get.applyAsInt(record)));
    }
    ToDoubleFunction<Object> get = Accessors.doubles(field.accessor());
    return record -> fail(prefix, check.problem(get.applyAsDouble(record)));
  }

  private static Rule reference(FieldSpec field, String path, Version version, boolean values) {
    Check check = switch (field.shape()) {
      case SINGLE -> value(field.value(), field.check(), path, version, values);
      case LIST -> values ? list(field, path, version) : items(field, path, version);
      case MAP -> values ? map(field, path, version) : null;
    };
    boolean required = values && field.required();
    if (check == null && !required) {
      return null;
    }
    Function<Object, Object> get = Accessors.object(field.accessor());
    String missing = path + " is required";
    return record -> {
      Object v = get.apply(record);
      if (v == null) {
        if (required) {
          throw new ContractViolation(missing, true);
        }
      } else if (check != null) {
        check.check(v);
      }
    };
  }

  /** The check of one non-null value, or null when there is nothing to check. */
  private static Check value(ValueSpec spec, ValueCheck check, String path, Version version,
      boolean values) {
    if (spec.kind() == ValueSpec.Kind.RECORD) {
      PayloadValidator nested = compile(spec.record(), version, path + ".", values);
      return nested.rules.length == 0 ? null : nested::validate;
    }
    if (check == null || !values) {
      return null;
    }
    String prefix = path + " ";
    return v -> fail(prefix, check.problem(v));
  }

  private static Check list(FieldSpec field, String path, Version version) {
    Items items = field.items();
    int min = items == null ? 0 : items.min();
    int max = items == null ? Integer.MAX_VALUE : items.max();
    String size = path + " must have " + min + ".." + max + " items";
    String itemMissing = path + "[] is required";
    Check item = value(field.value(), field.check(), path + "[]", version, true);
    return v -> {
      Collection<?> list = (Collection<?>) v;
      if (list.size() < min || list.size() > max) {
        throw new ContractViolation(size, false);
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

  /** For decoded lists of records: the items' own "not part of the version" rules. */
  private static Check items(FieldSpec field, String path, Version version) {
    Check item = value(field.value(), null, path + "[]", version, false);
    return item == null ? null : v -> {
      for (Object each : (Collection<?>) v) {
        item.check(each);
      }
    };
  }

  private static Check map(FieldSpec field, String path, Version version) {
    Set<String> keys = field.keys() == null ? null : Set.of(field.keys().value());
    Check item = value(field.value(), field.check(), path + "[]", version, true);
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

  private static void fail(String prefix, String problem) {
    if (problem != null) {
      throw new ContractViolation(prefix + problem, false);
    }
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
