package com.towerco.events.contract;

import java.time.Instant;

/**
 * What one value must be: a field's value, a list's item or a map's value. Read from a record
 * component's type and annotations by {@link RecordSpec}.
 */
public record ValueSpec(Kind kind, Class<?> type, boolean id, Text text, Pattern pattern,
    Range range) {

  /** The JSON shape of a value. */
  public enum Kind { STRING, NUMBER, INTEGER, BOOLEAN, INSTANT, ENUM, RECORD }

  static Kind kindOf(Class<?> type) {
    if (type == String.class) {
      return Kind.STRING;
    } else if (type == double.class || type == Double.class) {
      return Kind.NUMBER;
    } else if (type == int.class || type == Integer.class) {
      return Kind.INTEGER;
    } else if (type == boolean.class || type == Boolean.class) {
      return Kind.BOOLEAN;
    } else if (type == Instant.class) {
      return Kind.INSTANT;
    } else if (type.isEnum()) {
      return Kind.ENUM;
    } else if (type.isRecord()) {
      return Kind.RECORD;
    }
    return null;
  }

  /** The nested record's spec, for {@link Kind#RECORD} values. */
  public RecordSpec record() {
    return RecordSpec.of(type);
  }
}
