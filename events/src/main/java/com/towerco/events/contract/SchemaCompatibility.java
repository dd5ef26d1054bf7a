package com.towerco.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * The build's compatibility check: compares the generated schemas with the last released set
 * kept in the repository ({@code events/released-schemas}). A released version never changes;
 * a new minor version of a released major may only add optional fields (anywhere, nested ones
 * included) to the newest released minor before it; everything else (a field removed, renamed
 * or retyped, a bound or pattern changed, an enum value added, a field made required or
 * optional) needs a new major version, and every released version must stay readable (older
 * majors through an upcaster). Descriptions and titles may change freely.
 */
public final class SchemaCompatibility {
  private static final Set<String> IGNORED = Set.of("description", "title", "$id", "$schema");
  private static final Set<String> NESTED = Set.of("properties", "required", "items",
      "additionalProperties", "propertyNames");

  /** Equal JSON, numbers by value ({@code 100}, {@code 100.0} and a long 100 are the same). */
  private static final Comparator<JsonNode> NUMERIC = (a, b) -> a.isNumber() && b.isNumber()
      ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

  private SchemaCompatibility() {}

  /**
   * Every breaking change; empty when the generated set may ship. Both maps are by event type
   * name, then version; {@code upcast} says whether a released version that is no longer
   * generated is still read through an upcaster.
   */
  public static List<String> check(Map<String, Map<Version, JsonNode>> generated,
      Map<String, Map<Version, JsonNode>> released, BiPredicate<String, Version> upcast) {
    List<String> problems = new ArrayList<>();
    released.forEach((name, versions) -> versions.forEach((version, before) -> {
      JsonNode now = generated.getOrDefault(name, Map.of()).get(version);
      if (now != null) {
        List<String> changes = new ArrayList<>();
        compare(before, now, "", false, changes);
        if (!changes.isEmpty()) {
          problems.add(name + " " + version + " was released and has changed (" + String.join(
              "; ", changes) + "): give the change a new version (a minor one only adds "
              + "optional fields, anything else needs a new major version and an upcaster)");
        }
      } else if (!upcast.test(name, version)) {
        problems.add(name + " " + version + " was released but nothing reads it any more: "
            + "keep its record, or add an upcaster from major " + version.major()
            + " to the record of the new major version");
      }
    }));
    generated.forEach((name, versions) -> versions.forEach((version, now) -> {
      Map<Version, JsonNode> before = released.getOrDefault(name, Map.of());
      if (before.containsKey(version)) {
        return;
      }
      Map.Entry<Version, JsonNode> previous = new TreeMap<>(before)
          .lowerEntry(version);
      if (previous != null && previous.getKey().major() == version.major()) {
        List<String> changes = new ArrayList<>();
        compare(previous.getValue(), now, "", true, changes);
        if (!changes.isEmpty()) {
          problems.add(name + " " + version + " breaks " + name + " " + previous.getKey() + " ("
              + String.join("; ", changes) + "): a minor version may only add optional fields; "
              + "make it version " + (version.major() + 1) + ".0 with an upcaster");
        }
      }
    }));
    return problems;
  }

  /** Differences of {@code now} from {@code before}; additions of optional fields if allowed. */
  static void compare(JsonNode before, JsonNode now, String path, boolean additions,
      List<String> changes) {
    Set<String> keywords = new HashSet<>();
    before.fieldNames().forEachRemaining(keywords::add);
    now.fieldNames().forEachRemaining(keywords::add);
    for (String keyword : keywords) {
      if (IGNORED.contains(keyword) || NESTED.contains(keyword)
          && before.path(keyword).isContainerNode() && now.path(keyword).isContainerNode()) {
        continue;
      }
      if (!before.path(keyword).equals(NUMERIC, now.path(keyword))) {
        changes.add(path + keyword + " " + text(before.get(keyword)) + " -> "
            + text(now.get(keyword)));
      }
    }
    Set<String> requiredBefore = names(before.path("required"));
    Set<String> requiredNow = names(now.path("required"));
    if (!requiredBefore.equals(requiredNow)) {
      changes.add(path + "required " + requiredBefore + " -> " + requiredNow);
    }
    JsonNode propertiesBefore = before.path("properties");
    JsonNode propertiesNow = now.path("properties");
    for (Iterator<String> it = propertiesBefore.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!propertiesNow.has(field)) {
        changes.add(path + field + " removed");
      } else {
        compare(propertiesBefore.get(field), propertiesNow.get(field), path + field + ".",
            additions, changes);
      }
    }
    for (Iterator<String> it = propertiesNow.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!propertiesBefore.has(field) && (!additions || requiredNow.contains(field))) {
        changes.add(path + field + " added" + (additions ? " as a required field" : ""));
      }
    }
    for (String nested : List.of("items", "additionalProperties", "propertyNames")) {
      if (before.path(nested).isObject() && now.path(nested).isObject()) {
        compare(before.get(nested), now.get(nested), path + nested + ".", additions, changes);
      }
    }
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new java.util.TreeSet<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static String text(JsonNode node) {
    return node == null ? "(none)" : node.toString();
  }
}
