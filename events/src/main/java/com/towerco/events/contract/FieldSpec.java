package com.towerco.events.contract;

import java.lang.reflect.Method;

/**
 * One field of a payload record as its annotations declare it: JSON name, whether it is
 * required, the minor version that added it, its description, whether it is a single value, a
 * list or a map, and what its values must be ({@code check}, null when the type says it all).
 */
public record FieldSpec(
    String name,
    Method accessor,
    boolean required,
    Version since,
    String description,
    Shape shape,
    Items items,
    Keys keys,
    ValueSpec value,
    ValueCheck check) {

  /** A single value, a list of values, or a map from text keys to values. */
  public enum Shape { SINGLE, LIST, MAP }

  /** Whether the schema of {@code version} has this field. */
  public boolean presentIn(Version version) {
    return since == null || since.compareTo(version) <= 0;
  }
}
