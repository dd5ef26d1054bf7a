package com.towerco.platform.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Every service setting the platform knows, from the services' declarations: what a value of
 * {@code towerco.yaml}, {@code --set} or the environment is checked against. An unknown key is
 * an error that names the nearest known key; a value of the wrong type or out of range is an
 * error that names the key and what it expects.
 */
public final class SettingsCatalog {
  private final Map<String, Setting<?>> byKey = new TreeMap<>();

  public SettingsCatalog(Collection<? extends Setting<?>> settings) {
    for (Setting<?> s : settings) {
      if (byKey.put(s.key(), s) != null) {
        throw new IllegalStateException("setting " + s.key() + " is declared twice");
      }
    }
  }

  /** Every setting, by key. */
  public List<Setting<?>> all() {
    return List.copyOf(byKey.values());
  }

  public Optional<Setting<?>> find(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** What is wrong with {@code values} (key to text), one line each; empty when all is well. */
  public List<String> problems(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    new TreeMap<>(values).forEach((key, text) -> {
      Setting<?> setting = byKey.get(key);
      if (setting == null) {
        problems.add(unknown(key, byKey.keySet()));
        return;
      }
      try {
        setting.parse(text);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    });
    return problems;
  }

  /** Refuses {@code values} with every problem in the message, if there is any. */
  public void validate(Map<String, String> values) {
    List<String> problems = problems(values);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** "unknown setting 'kpi.windw' (did you mean 'kpi.window'?)". */
  public static String unknown(String key, Collection<String> known) {
    return "unknown setting '" + key + "'" + nearest(key, known)
        .map(n -> " (did you mean '" + n + "'?)").orElse("");
  }

  /** The known key closest to {@code key} by edit distance, if one is reasonably close. */
  public static Optional<String> nearest(String key, Collection<String> known) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    int limit = Math.max(3, key.length() / 3);
    return known.stream().map(k -> Map.entry(k, distance.apply(key, k)))
        .filter(e -> e.getValue() <= limit)
        .min(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
            .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey);
  }
}
